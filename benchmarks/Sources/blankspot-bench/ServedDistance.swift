import BlankSpotCore
import BlankSpotGDAL
import BlankSpotPipeline
import Foundation

/// How far from its best server each served cell of a run lies, by the land-cover category of
/// the cell: the realism check of the coverage against the few-kilometre ranges of rural macro
/// cells.
enum ServedDistance {
    struct Category {
        var name: String
        var cells: Int
        var medianKm: Double
        var p90Km: Double
    }

    /// The distances in the run folder `out` (coverage.tif, best_server.tif, towers.csv) over
    /// its served cells, with the land cover
    /// `landCoverPath` and its table put onto the run's grid; all served cells together first
    /// (named "all").
    static func byCategory(out: String, landCoverPath: String, tablePath: String) throws -> [Category] {
        let best = try RasterReader.read(path: out + "/best_server.tif")
        let classes = try RasterReader.read(path: out + "/coverage.tif")   // 1–3: served
        let towers = try CSVTable(text: String(contentsOfFile: out + "/towers.csv", encoding: .utf8), file: "towers.csv")
        guard let ci = towers.column(["index"]), let cx = towers.column(["x_m"]), let cy = towers.column(["y_m"]) else {
            throw BenchError("towers.csv: no index, x_m or y_m column")
        }
        var position: [Int: (Double, Double)] = [:]
        for row in towers.rows {
            if let i = Int(row.fields[ci]), let x = Double(row.fields[cx]), let y = Double(row.fields[cy]) { position[i] = (x, y) }
        }
        let table = try LandCoverTable.parse(text: String(contentsOfFile: tablePath, encoding: .utf8), file: tablePath)
        let codes = try LandCoverRaster.load(paths: [landCoverPath], onto: best.grid, threads: ProcessInfo.processInfo.activeProcessorCount)
        var distances: [String: [Double]] = [:]
        let g = best.grid
        for row in 0..<g.height {
            for col in 0..<g.width {
                let i = row * g.width + col
                let v = best.values[i]
                guard (1...3).contains(classes.values[i]), !v.isNaN, let (tx, ty) = position[Int(v)] else { continue }
                let dx = g.centreXM(col: col) - tx, dy = g.centreYM(row: row) - ty
                let km = (dx * dx + dy * dy).squareRoot() / 1000
                let category = codes[i] == LandCoverRaster.noData ? table.fallback.category : table.lookup(Int(codes[i])).category
                distances[category, default: []].append(km)
                distances["all", default: []].append(km)
            }
        }
        func quantile(_ sorted: [Double], _ q: Double) -> Double { sorted[min(sorted.count - 1, Int(Double(sorted.count - 1) * q))] }
        return distances.keys.sorted { $0 == "all" ? true : $1 == "all" ? false : $0 < $1 }.map { name in
            let d = distances[name]!.sorted()
            return Category(name: name, cells: d.count, medianKm: quantile(d, 0.5), p90Km: quantile(d, 0.9))
        }
    }
}
