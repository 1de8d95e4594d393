using Microsoft.AspNetCore.Components.Authorization;

namespace AsbOps.Web.Security;

/// <summary>The signed-in user of this circuit or request, for feature services.</summary>
public sealed class CurrentUser(AuthenticationStateProvider authenticationState)
{
    public async Task<UserScope> GetScopeAsync()
    {
        var state = await authenticationState.GetAuthenticationStateAsync();
        return UserScope.FromPrincipal(state.User);
    }
}
