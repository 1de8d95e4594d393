// The map page's Leaflet map (/map). Leaflet, Leaflet.markercluster and Leaflet.heat are vendored under
// wwwroot-assets/lib (no CDN); they are plain scripts that need window.L, so they are loaded here one after another.
// The component sends the points as JSON; this module only draws them.

const scripts = ["lib/leaflet/leaflet.js", "lib/leaflet.markercluster/leaflet.markercluster.js", "lib/leaflet.heat/leaflet-heat.js"];
let loading;

function loadScript(src) {
    return new Promise((resolve, reject) => {
        const existing = document.querySelector(`script[data-asbops-map="${src}"]`);
        if (existing && existing.dataset.loaded === "true") {
            resolve();
            return;
        }
        const script = existing || document.createElement("script");
        script.addEventListener("load", () => { script.dataset.loaded = "true"; resolve(); });
        script.addEventListener("error", () => reject(new Error(`Could not load ${src}`)));
        if (!existing) {
            script.src = src;
            script.dataset.asbopsMap = src;
            document.head.appendChild(script);
        }
    });
}

function loadLeaflet() {
    if (!loading) {
        loading = scripts.reduce((previous, src) => previous.then(() => loadScript(src)), Promise.resolve());
    }
    return loading;
}

const riskOrder = { notassessed: 0, low: 1, medium: 2, high: 3 };
const heatWeight = { notassessed: 0.35, low: 0.45, medium: 0.7, high: 1 };

// Leicestershire, roughly: where an empty map opens when there is nothing to fit.
const fallbackCentre = [52.65, -1.15];

function popupContent(point) {
    const box = document.createElement("div");
    box.className = "map-popup";
    const title = document.createElement("strong");
    title.textContent = point.title;
    const detail = document.createElement("div");
    detail.textContent = `${point.riskWord} risk · ${point.detail}`;
    const link = document.createElement("a");
    link.href = point.href;
    link.dataset.testid = "map-popup-link";
    link.textContent = point.href.startsWith("/cases/") ? "Open the case" : "Open the incident";
    box.append(title, detail, link);
    return box;
}

function pointMarker(point) {
    const kind = point.kind === "case" ? "map-point-case" : "map-point-incident";
    const icon = L.divIcon({
        className: `map-point ${kind} map-risk-${point.risk}`,
        html: point.kind === "case" ? "<span aria-hidden=\"true\">C</span>" : "",
        iconSize: point.kind === "case" ? [22, 22] : [14, 14],
    });
    const marker = L.marker([point.lat, point.lon], {
        icon,
        title: `${point.title}, ${point.riskWord} risk`,
        riskKey: point.risk,
    });
    marker.bindPopup(() => popupContent(point));
    marker.on("add", () => {
        const element = marker.getElement();
        if (element) {
            element.dataset.kind = point.kind;
            element.dataset.risk = point.risk;
            element.dataset.area = point.area;
            element.dataset.href = point.href;
        }
    });
    return marker;
}

// A cluster takes the colour of the highest risk inside it and says how many it holds.
function clusterIcon(cluster) {
    let top = "notassessed";
    for (const child of cluster.getAllChildMarkers()) {
        const risk = child.options.riskKey;
        if (riskOrder[risk] > riskOrder[top]) {
            top = risk;
        }
    }
    const count = cluster.getChildCount();
    const size = count < 10 ? 30 : count < 100 ? 36 : 44;
    return L.divIcon({
        className: `map-cluster map-risk-${top}`,
        html: `<span>${count}</span><span class="map-sr">points, highest risk ${top === "notassessed" ? "not assessed" : top}</span>`,
        iconSize: [size, size],
    });
}

function newCluster() {
    return L.markerClusterGroup({
        iconCreateFunction: clusterIcon,
        maxClusterRadius: 45,
        showCoverageOnHover: false,
        spiderfyOnMaxZoom: true,
    });
}

/** Makes the map in element; options: { tileUrl, attribution }. Returns a handle for show() and dispose(). */
export async function create(element, options) {
    await loadLeaflet();
    // Clustering needs a maximum zoom, which a tile layer would otherwise give.
    const map = L.map(element, { center: fallbackCentre, zoom: 10, minZoom: 6, maxZoom: 18, zoomSnap: 0.5 });
    if (options.tileUrl) {
        L.tileLayer(options.tileUrl, { attribution: options.attribution || "", maxZoom: 19 }).addTo(map);
        element.dataset.tiles = "true";
    } else {
        element.dataset.tiles = "false";
    }
    L.control.scale({ imperial: false }).addTo(map);

    const incidents = newCluster().addTo(map);
    const cases = newCluster().addTo(map);
    const heat = L.heatLayer([], { radius: 22, blur: 18, maxZoom: 14, minOpacity: 0.25 });
    const layers = L.control.layers(null, {
        "Incidents": incidents,
        "Open cases": cases,
        "Heat (incidents)": heat,
    }, { collapsed: false }).addTo(map);

    map.on("zoomend", () => { element.dataset.zoom = String(map.getZoom()); });
    element.dataset.zoom = String(map.getZoom());

    const handle = { map, incidents, cases, heat, layers, element };
    // The map's box can change size once the page has laid out (the side panel, a phone turning).
    handle.resize = new ResizeObserver(() => map.invalidateSize());
    handle.resize.observe(element);
    return handle;
}

/** Draws data = { incidents: [...], cases: [...] } (MapPoint as JSON), replacing what was drawn, and fits the view. */
export function show(handle, data, fit) {
    const { map, incidents, cases, heat, element } = handle;
    incidents.clearLayers();
    cases.clearLayers();
    incidents.addLayers(data.incidents.map(pointMarker));
    cases.addLayers(data.cases.map(pointMarker));
    const heatPoints = data.incidents.map(p => [p.lat, p.lon, heatWeight[p.risk] ?? 0.5]);
    heat.setLatLngs(heatPoints);

    const all = data.incidents.concat(data.cases);
    element.dataset.incidents = String(data.incidents.length);
    element.dataset.cases = String(data.cases.length);
    element.dataset.heat = String(heatPoints.length);
    element.dataset.areas = [...new Set(all.map(p => p.area))].sort().join(",");
    if (fit && all.length > 0) {
        map.fitBounds(L.latLngBounds(all.map(p => [p.lat, p.lon])), { padding: [24, 24], maxZoom: 15 });
    }
    element.dataset.ready = "true";
}

export function dispose(handle) {
    if (handle) {
        handle.resize.disconnect();
        handle.map.remove();
    }
}
