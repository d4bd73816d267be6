// Country outlines for the event map, from the world-atlas package of the
// npm registry (vendor/countries-110m.json, Natural Earth 1:110m, ISC
// licence in vendor/world-atlas.LICENSE), served by casus itself.
//
// The file is TopoJSON: shared borders ("arcs") stored once, quantized and
// delta-encoded. This decoder is ours, a few lines for the one thing the
// map needs: each country as an SVG path in the map's projection.

let world;

/// The countries as [{name, d}] with `d` an SVG path drawn by `project`
/// ([lon, lat] to [x, y]); fetched once per page.
export async function countries(project) {
  world ??= fetch("/vendor/countries-110m.json").then((r) => r.json());
  const topo = await world;
  const [sx, sy] = topo.transform.scale, [tx, ty] = topo.transform.translate;
  const arcs = topo.arcs.map((arc) => {
    let x = 0, y = 0;
    return arc.map(([dx, dy]) => {
      x += dx;
      y += dy;
      return project([x * sx + tx, y * sy + ty]);
    });
  });
  // A ring is a list of arc indexes; ~i is arc i walked backwards. Each
  // arc after the first starts where the one before ended.
  const ring = (indexes) => {
    const points = [];
    indexes.forEach((i, k) => {
      const arc = i < 0 ? arcs[~i].slice().reverse() : arcs[i];
      points.push(...(k ? arc.slice(1) : arc));
    });
    return "M" + points.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join("L") + "Z";
  };
  const polygon = (rings) => rings.map(ring).join("");
  return topo.objects.countries.geometries.map((g) => ({
    name: g.properties?.name ?? "",
    d: g.type === "Polygon" ? polygon(g.arcs) : g.type === "MultiPolygon" ? g.arcs.map(polygon).join("") : "",
  }));
}
