import BlankSpotCore
import BlankSpotGDAL
import Foundation

/// The report's maps: one overview and, when the run covers several kabupaten/kota, one per
/// kabupaten. Villages are filled by status (blank ones hatched), kabupaten borders drawn over
/// them, towers and suggested sites marked, and the coverage classes outside the villages shown
/// underneath as a PNG encoded by GDAL.
struct ReportMaps {
    struct Map {
        var title: String
        var svg: String
    }

    var maps: [Map] = []

    static let overviewSidePx = 1000
    static let regionSidePx = 760

    init(_ data: ReportData, watermark: String?) throws {
        let gpkg = (data.folder as NSString).appendingPathComponent("villages.gpkg")
        let crs = data.coverage.crs
        let grid = data.coverage.layers.grid
        // The overview frame: every village; polygons simplified to a pixel of their map.
        let coarse = try MapShapes.read(path: gpkg, layer: "villages", crs: crs, toleranceM: 0)
        guard let all = Self.bounds(coarse.map(\.polygons)) else { return }
        let overview = MapFrame(westM: all.west, southM: all.south, eastM: all.east, northM: all.north, maxSidePx: Self.overviewSidePx)
        let regions = data.regions.filter { !$0.isEmpty }
        let borders = regions.count > 1
            ? try MapShapes.dissolve(path: gpkg, layer: "villages", crs: crs, groupField: "region", groups: regions, toleranceM: overview.metresPerPixel)
            : [:]
        let overviewShapes = try MapShapes.read(path: gpkg, layer: "villages", crs: crs, toleranceM: overview.metresPerPixel)
        maps.append(Map(title: ReportText.bi("Peta ikhtisar", "Overview map"),
                        svg: try Self.map(id: "map-overview", frame: overview, villages: overviewShapes, borders: regions.flatMap { borders[$0] ?? [] },
                                          data: data, grid: grid, watermark: watermark)))
        guard regions.count > 1 else { return }
        var frames: [(String, MapFrame)] = []
        for r in regions {
            guard let b = Self.bounds(coarse.filter { $0.fields["region"] == r }.map(\.polygons)) else { continue }
            frames.append((r, MapFrame(westM: b.west, southM: b.south, eastM: b.east, northM: b.north, maxSidePx: Self.regionSidePx)))
        }
        let finest = frames.map(\.1.metresPerPixel).min() ?? overview.metresPerPixel
        let fine = try MapShapes.read(path: gpkg, layer: "villages", crs: crs, toleranceM: finest)
        let fineBorders = try MapShapes.dissolve(path: gpkg, layer: "villages", crs: crs, groupField: "region", groups: regions, toleranceM: finest)
        for (k, (r, frame)) in frames.enumerated() {
            maps.append(Map(title: ReportText.bi("Peta \(r)", "Map of \(r)"),
                            svg: try Self.map(id: "map-region-\(k + 1)", frame: frame, villages: fine.filter { $0.fields["region"] == r },
                                              borders: fineBorders[r] ?? [], data: data, grid: grid, watermark: watermark)))
        }
    }

    static func map(id: String, frame: MapFrame, villages: [MapFeature], borders: [[[(x: Double, y: Double)]]], data: ReportData,
                    grid: GridGeometry, watermark: String?) throws -> String {
        var map = SVGMap(id: id, frame: frame, label: "villages by status, towers and suggested sites")
        map.backgroundPNG = try PNGWriter.encode(rgba: ClassPicture.rgba(classes: data.coverage.layers.classes, grid: grid, frame: frame),
                                                 width: frame.widthPx, height: frame.heightPx)
        for v in villages {
            let status = VillageStatus(rawValue: v.fields["status"] ?? "") ?? .covered
            let name = v.fields["name"].flatMap { $0.isEmpty ? nil : $0 } ?? (v.fields["village_id"] ?? "")
            var title = "\(name) (\(v.fields["village_id"] ?? "")) — \(ReportText.statusPlain(status.rawValue))"
            title += " — tanpa layanan (without service) \(ReportText.count(v.fields["uncovered_population"])) dari (of) \(ReportText.count(v.fields["population"])) jiwa"
            if let rank = v.fields["priority_rank"], !rank.isEmpty { title += " — peringkat (rank) \(rank)" }
            map.areas.append(.init(polygons: v.polygons, fill: Palette.status(status), hatched: status == .blank, title: title))
        }
        map.borders = borders
        for t in data.coverage.towers where t.used && t.xM.isFinite && t.yM.isFinite {
            map.markers.append(.init(xM: t.xM, yM: t.yM, kind: .tower, title: "BTS \(t.id)"))
        }
        for s in data.sites ?? [] {
            guard let x = Double(s["x_m"] ?? ""), let y = Double(s["y_m"] ?? "") else { continue }
            let id = s["id"] ?? ""
            map.markers.append(.init(xM: x, yM: y, kind: .site(label: id),
                                     title: "usulan lokasi (suggested site) \(id): \(ReportText.count(s["people_newly_served"])) penduduk terlayani baru (people newly served)"))
        }
        map.watermark = watermark
        return map.svg()
    }

    static func bounds(_ shapes: [[[[(x: Double, y: Double)]]]]) -> (west: Double, south: Double, east: Double, north: Double)? {
        var w = Double.infinity, s = Double.infinity, e = -Double.infinity, n = -Double.infinity
        for polygons in shapes { for polygon in polygons { for ring in polygon { for p in ring {
            w = min(w, p.x); e = max(e, p.x); s = min(s, p.y); n = max(n, p.y)
        } } } }
        return w.isFinite && e > w && n > s ? (w, s, e, n) : nil
    }
}
