using System.Text.Json.Serialization;

namespace AsbOps.Web.Features.Intake.Api;

/// <summary>
/// The submission as <see cref="IncidentStore.Hash"/> serialises it, generated at build time. Every incident is hashed
/// (a batch of 500 spent about a tenth of its CPU there with the reflection serialiser); the options are the defaults of
/// <c>JsonSerializer.SerializeToUtf8Bytes(submission)</c>, so the bytes, and the hashes already stored, stay the same.
/// </summary>
[JsonSerializable(typeof(IncidentSubmission))]
internal sealed partial class IncidentHashJson : JsonSerializerContext;
