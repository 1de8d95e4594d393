namespace AsbOps.Web.Security.SignIn;

/// <summary>
/// Section <c>Authentication:SignInLimits</c>: how many failed sign-ins a client address and an account may have. The
/// address limit is checked first, so one address cannot keep a known account locked; an account's lockout doubles each
/// time up to <see cref="LongestLockoutHours"/>, after which only time or an administrator's unlock lets it in.
/// </summary>
public sealed class SignInLimitOptions
{
    public const string Section = "Authentication:SignInLimits";

    /// <summary>Failed sign-ins (passwords and codes) one client address may make in <see cref="AddressWindowMinutes"/>.</summary>
    public int FailuresPerAddress { get; set; } = 20;

    public double AddressWindowMinutes { get; set; } = 10;

    /// <summary>Failures in a row that lock an account.</summary>
    public int FailuresBeforeLockout { get; set; } = 5;

    /// <summary>The first lockout; each further one lasts twice as long as the one before.</summary>
    public double FirstLockoutMinutes { get; set; } = 5;

    public double LongestLockoutHours { get; set; } = 24;

    public TimeSpan AddressWindow => TimeSpan.FromMinutes(AddressWindowMinutes);

    /// <summary>The lockout after <paramref name="previousLockouts"/> earlier ones: first × 2^n, at most the longest.</summary>
    public TimeSpan LockoutAfter(int previousLockouts)
    {
        var longest = TimeSpan.FromHours(LongestLockoutHours);
        var minutes = FirstLockoutMinutes * Math.Pow(2, Math.Min(previousLockouts, 30));
        return minutes >= longest.TotalMinutes ? longest : TimeSpan.FromMinutes(minutes);
    }

    public static IServiceCollection AddSignInLimits(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SignInLimitOptions>()
            .Bind(configuration.GetSection(Section))
            .Validate(o => o.FailuresPerAddress > 0 && o.AddressWindowMinutes > 0, $"{Section}: FailuresPerAddress and AddressWindowMinutes must be more than 0.")
            .Validate(o => o.FailuresBeforeLockout > 0 && o.FirstLockoutMinutes > 0 && o.LongestLockoutHours * 60 >= o.FirstLockoutMinutes,
                $"{Section}: FailuresBeforeLockout and FirstLockoutMinutes must be more than 0, and LongestLockoutHours at least the first lockout.")
            .ValidateOnStart();
        return services;
    }
}
