using AsbOps.Domain.Areas;

namespace AsbOps.Web.Data.Seeding;

/// <summary>A member of staff as the case builder needs them: who they are and where email goes.</summary>
internal sealed record DemoStaffMember(string Id, string DisplayName, string Email);

/// <summary>One area with its people: the sergeant and inspector who get its alerts, and its officers.</summary>
internal sealed class DemoAreaStaff(Area area, DemoAreaPlace place, DemoStaffMember sergeant, DemoStaffMember inspector, IReadOnlyList<DemoStaffMember> officers)
{
    public Area Area { get; } = area;

    public DemoAreaPlace Place { get; } = place;

    public DemoStaffMember Sergeant { get; } = sergeant;

    public DemoStaffMember Inspector { get; } = inspector;

    /// <summary>Lead officers of the area's cases; the demo officer, when present, is the first.</summary>
    public IReadOnlyList<DemoStaffMember> Officers { get; } = officers;
}
