import BlankSpotCore
import BlankSpotGDAL
import Foundation

/// A finished coverage folder read back: the rasters, the grid and the towers as used.
struct CoverageFolder {
    struct TowerRow {
        var index: Int
        var id: String
        var xM: Double
        var yM: Double
        var used: Bool
        /// Every column of the row by its header name (for re-creating the tower's link budget).
        var fields: [String: String]
        var line: Int
    }

    let path: String
    var layers: CoverageLayers
    let crs: AnalysisCRS
    var towers: [TowerRow]
    /// From run.json: towers serving cells at the edge of the radius (nil for older folders).
    let towersCutAtRadius: Int?
    /// The model the coverage was computed with (from the rasters' metadata).
    let model: String
    /// run.json's parameters (empty when the folder has no run.json).
    let parameters: [String: String]
    /// The DEMs of the run, as given on its command line (run.json).
    let demPaths: [String]
    /// run.json's `coverage_arguments`: the coverage options that recreate the run (nil for
    /// older folders).
    let coverageArguments: [String]?

    init(path: String) throws {
        self.path = path
        func file(_ name: String) -> String { (path as NSString).appendingPathComponent(name) }
        for required in ["coverage.tif", "best_server.tif", "server_count.tif", "towers.csv"] {
            guard FileManager.default.fileExists(atPath: file(required)) else {
                throw InputError(file: path, message: "is not a coverage folder: \(required) is missing; expected the --out folder of `blankspot coverage`")
            }
        }
        let coverage = try RasterReader.read(path: file("coverage.tif"))
        let best = try RasterReader.read(path: file("best_server.tif"))
        let count = try RasterReader.read(path: file("server_count.tif"))
        let signalPath = file("signal_dbm.tif")
        let signal = FileManager.default.fileExists(atPath: signalPath) ? try RasterReader.read(path: signalPath) : nil
        for other in [best.grid, count.grid] + (signal.map { [$0.grid] } ?? []) where other.width != coverage.grid.width || other.height != coverage.grid.height {
            throw InputError(file: path, message: "its rasters do not share one grid")
        }
        layers = CoverageLayers(grid: coverage.grid, classes: coverage.values, signalDBm: signal?.values,
                                bestServer: best.values, serverCount: count.values)
        guard !coverage.grid.crsWKT.isEmpty else { throw InputError(file: file("coverage.tif"), message: "has no coordinate reference system") }
        crs = try AnalysisCRS(userInput: coverage.grid.crsWKT)
        model = coverage.metadata["BLANKSPOT_MODEL"] ?? "unknown"

        let towersPath = file("towers.csv")
        let table = try CSVTable(text: try String(contentsOfFile: towersPath, encoding: .utf8), file: towersPath)
        guard let ci = table.column(["index"]), let cid = table.column(["id"]), let cx = table.column(["x_m"]),
              let cy = table.column(["y_m"]), let cs = table.column(["status"]) else {
            throw InputError(file: towersPath, location: "line 1", message: "expected the towers.csv written by `blankspot coverage` (index, id, x_m, y_m, status, …)")
        }
        // Bad rows skipped with --skip-bad-rows have no index: they are in no raster.
        let indexed = table.rows.filter { row in !(ci < row.fields.count && row.fields[ci].isEmpty && cs < row.fields.count && row.fields[cs].hasPrefix("skipped")) }
        towers = try indexed.map { row in
            let f = row.fields
            func at(_ c: Int) -> String { c < f.count ? f[c] : "" }
            guard let index = Int(at(ci)) else {
                throw InputError(file: towersPath, location: "line \(row.line)", field: "index", message: "expected a row index, got '\(at(ci))'")
            }
            var named: [String: String] = [:]
            for (k, name) in table.header.enumerated() { named[name] = at(k) }
            return TowerRow(index: index, id: at(cid), xM: Double(at(cx)) ?? .nan, yM: Double(at(cy)) ?? .nan, used: at(cs) == "used",
                            fields: named, line: row.line)
        }
        let manifestPath = file("run.json")
        if let data = FileManager.default.contents(atPath: manifestPath),
           let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any] {
            parameters = (json["parameters"] as? [String: String]) ?? [:]
            towersCutAtRadius = (json["counts"] as? [String: Any])?["towers_cut_at_radius"] as? Int
            coverageArguments = json["coverage_arguments"] as? [String]
            demPaths = ((json["inputs"] as? [[String: Any]]) ?? []).filter { $0["role"] as? String == "dem" }.compactMap { $0["path"] as? String }
        } else {
            parameters = [:]
            demPaths = []
            coverageArguments = nil
            towersCutAtRadius = nil
        }
    }

    /// The used towers as sites on `terrain` (which must be on this folder's grid), with the
    /// threshold each was judged against.
    func confirmationSites(terrain: TerrainRaster) throws -> [ConfirmationSite] {
        let towersPath = (path as NSString).appendingPathComponent("towers.csv")
        return try towers.filter(\.used).map { t in
            func number(_ name: String) throws -> Double {
                guard let v = Double(t.fields[name] ?? ""), v.isFinite else {
                    throw InputError(file: towersPath, location: "line \(t.line)", field: name,
                                     message: "expected a number for the used tower '\(t.id)', got '\(t.fields[name] ?? "")'")
                }
                return v
            }
            let technologyName = t.fields["technology"] ?? ""
            guard let technology = Technology(name: technologyName) else {
                throw InputError(file: towersPath, location: "line \(t.line)", field: "technology", message: "expected 2G, 3G, 4G or 5G, got '\(technologyName)'")
            }
            let tower = Tower(id: t.id, lonDeg: try number("lon"), latDeg: try number("lat"), heightM: try number("height_m"),
                              eirpDBm: try number("eirp_dbm"), frequencyMHz: try number("frequency_mhz"),
                              azimuthDeg: Double(t.fields["azimuth_deg"] ?? ""), beamwidthDeg: try number("beamwidth_deg"),
                              tiltDeg: try number("tilt_deg"), technology: technology, origin: t.fields["origin"] ?? "")
            let col = Int(try number("col")), row = Int(try number("row"))
            guard col >= 0, row >= 0, col < terrain.grid.width, row < terrain.grid.height else {
                throw InputError(file: towersPath, location: "line \(t.line)", field: "col", message: "tower '\(t.id)' lies outside the coverage grid")
            }
            let site = GridSite(index: t.index, col: col, row: row, groundM: Double(terrain.heightM(col: col, row: row)), tower: tower,
                                xM: t.xM, yM: t.yM)
            // Line-of-sight runs record no threshold: the technology's default then.
            let threshold = Double(t.fields["threshold_dbm"] ?? "") ?? ServiceThresholds().dBm(for: technology)
            return ConfirmationSite(site: site, thresholdDBm: threshold)
        }
    }
}
