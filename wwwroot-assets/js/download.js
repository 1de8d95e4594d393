// Downloads a file from a same-origin URL with the user's cookie, so that a page can show progress while the
// server builds it, then hands it to the browser as a download. Resolves with { ok, status, message }.
export async function download(url) {
    try {
        const response = await fetch(url, { credentials: "same-origin" });
        if (!response.ok) {
            const text = await response.text();
            return { ok: false, status: response.status, message: text.slice(0, 300) };
        }

        const disposition = response.headers.get("Content-Disposition") || "";
        const match = /filename\*=UTF-8''([^;]+)|filename="?([^";]+)"?/i.exec(disposition);
        const name = match ? decodeURIComponent(match[1] || match[2]) : "download.xlsx";
        const blob = await response.blob();
        const link = document.createElement("a");
        link.href = URL.createObjectURL(blob);
        link.download = name;
        document.body.appendChild(link);
        link.click();
        link.remove();
        setTimeout(() => URL.revokeObjectURL(link.href), 60000);
        return { ok: true, status: response.status, message: name };
    } catch (error) {
        return { ok: false, status: 0, message: String(error) };
    }
}
