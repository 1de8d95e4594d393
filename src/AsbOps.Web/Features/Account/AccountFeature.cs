namespace AsbOps.Web.Features.Account;

public static class AccountFeature
{
    /// <summary>Sign-in pages are components; the sign-out is an endpoint.</summary>
    public static void MapAccountFeature(this IEndpointRouteBuilder endpoints) => endpoints.MapAccountEndpoints();
}
