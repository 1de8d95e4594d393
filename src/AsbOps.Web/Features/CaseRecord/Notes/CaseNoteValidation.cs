using AsbOps.Domain.CaseRecord;

namespace AsbOps.Web.Features.CaseRecord.Notes;

/// <summary>The rules of the note form, run by the form and again by the service.</summary>
public static class CaseNoteValidation
{
    public static class Fields
    {
        public const string Text = nameof(CaseNoteInput.Text);
        public const string SharedWith = nameof(CaseNoteInput.SharedWith);
        public const string CorrectsNoteId = nameof(CaseNoteInput.CorrectsNoteId);
    }

    public static Dictionary<string, string> Validate(CaseNoteInput input)
    {
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(input.Text))
        {
            errors[Fields.Text] = input.CorrectsNoteId is null ? "Write the note." : "Write the corrected note.";
        }
        else if (input.Text.Trim().Length > CaseNote.MaxText)
        {
            errors[Fields.Text] = $"At most {CaseNote.MaxText:N0} characters (this is {input.Text.Trim().Length:N0}).";
        }

        if (input.SharedWith is { } agency && !Enum.IsDefined(agency))
        {
            errors[Fields.SharedWith] = "Choose a partner agency, or keep the note to the force.";
        }

        return errors;
    }
}
