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
    }

    let path: String
    let layers: CoverageLayers
    let crs: AnalysisCRS
    let towers: [TowerRow]
    /// The model the coverage was computed with (from the rasters' metadata).
    let model: String

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
        towers = try table.rows.map { row in
            let f = row.fields
            func at(_ c: Int) -> String { c < f.count ? f[c] : "" }
            guard let index = Int(at(ci)) else {
                throw InputError(file: towersPath, location: "line \(row.line)", field: "index", message: "expected a row index, got '\(at(ci))'")
            }
            return TowerRow(index: index, id: at(cid), xM: Double(at(cx)) ?? .nan, yM: Double(at(cy)) ?? .nan, used: at(cs) == "used")
        }
    }
}
