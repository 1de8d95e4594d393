namespace AsbOps.Domain.Risk;

/// <summary>One problem with a guidance definition: where it is (a JSON-style path) and what is wrong, in plain words.</summary>
public sealed record GuidanceError(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}
