namespace AsbOps.Web.Security.ApiKeys;

/// <summary>Writes RFC 9457 problem details for security answers that happen outside an endpoint.</summary>
public static class ApiProblems
{
    public static async Task WriteAsync(HttpContext context, int status, string title, string detail)
    {
        if (context.Response.HasStarted)
        {
            return;
        }

        context.Response.StatusCode = status;
        await Results.Problem(statusCode: status, title: title, detail: detail).ExecuteAsync(context);
    }
}
