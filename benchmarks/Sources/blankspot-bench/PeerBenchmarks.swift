import BlankSpotCore
import BlankSpotGDAL
import Foundation

/// blankspot's whole CLI run against gdal_viewshed on the same, already projected DEM.
enum PeerBenchmarks {
    /// The real SRTM tile warped once to UTM 19N at 30 m (the "already projected DEM").
    static func projectedDEM() throws -> String {
        let path = Paths.work.appendingPathComponent("white-mountains-utm19n-30m.tif").path
        if !FileManager.default.fileExists(atPath: path) {
            let r = try Shell.run("gdalwarp", ["-q", "-t_srs", "EPSG:32619", "-tr", "30", "30", "-tap", "-r", "bilinear",
                                               "-ot", "Float32", "-dstnodata", "-9999", "-co", "TILED=YES",
                                               Paths.whiteMountainsTile, path])
            guard r.status == 0 else { throw BenchError("gdalwarp failed: \(r.output)") }
        }
        return path
    }

    /// Tower positions (cell centres) spread over the DEM.
    static func towerCells(_ grid: GridGeometry, count: Int) -> [(col: Int, row: Int)] {
        let cols = count <= 1 ? 1 : 5, rows = (count + cols - 1) / cols
        var cells: [(Int, Int)] = []
        for i in 0..<count {
            let cx = (Double(i % cols) + 0.5) / Double(cols), cy = (Double(i / cols) + 0.5) / Double(rows)
            cells.append((Int(cx * Double(grid.width)), Int(cy * Double(grid.height))))
        }
        return count == 1 ? [(grid.width * 45 / 100, grid.height * 6 / 10)] : cells
    }

    /// `towers` towers, `radiusKm`: one blankspot run vs one gdal_viewshed run per tower.
    static func againstGdalViewshed(towers count: Int, radiusKm: Double, mode: BenchMode) throws -> BenchResult {
        let dem = try projectedDEM()
        let grid = try RasterReader.read(path: dem).grid
        let crs = try AnalysisCRS(userInput: "EPSG:32619")
        let cells = towerCells(grid, count: count)
        let points = cells.map { (grid.centreXM(col: $0.col), grid.centreYM(row: $0.row)) }
        let lonLat = crs.unproject(points: points).map { $0! }
        let dir = Paths.work.appendingPathComponent("peer-\(count)")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let towersCSV = dir.appendingPathComponent("towers.csv").path
        var text = "id,lon,lat,height_m\n"
        for (i, p) in lonLat.enumerated() { text += "T\(i),\(p.lonDeg),\(p.latDeg),30\n" }
        try text.write(toFile: towersCSV, atomically: true, encoding: .utf8)
        let k = 4.0 / 3.0
        let out = dir.appendingPathComponent("out").path

        var ours: [Double] = [], theirs: [Double] = []
        var peakOurs = 0.0, peakTheirs = 0.0
        for _ in 0..<mode.repetitions {
            let r = try Shell.run(Paths.blankspot, ["coverage", "--dem", dem, "--towers", towersCSV, "--out", out, "--overwrite",
                                                    "--model", "los", "--radius-km", "\(radiusKm)", "--k-factor", "\(k)"])
            guard r.status == 0 else { throw BenchError("blankspot failed: \(r.output)") }
            ours.append(r.seconds)
            peakOurs = max(peakOurs, r.peakMiB)
            var total = 0.0
            for (i, p) in points.enumerated() {
                let g = try Shell.run("gdal_viewshed", ["-q", "-ox", "\(p.0)", "-oy", "\(p.1)", "-oz", "30", "-tz", "1.5",
                                                        "-md", "\(radiusKm * 1000)", "-cc", "\(1 / k)", dem,
                                                        dir.appendingPathComponent("vs\(i).tif").path])
                guard g.status == 0 else { throw BenchError("gdal_viewshed failed: \(g.output)") }
                total += g.seconds
                peakTheirs = max(peakTheirs, g.peakMiB)
            }
            theirs.append(total)
        }
        // Agreement on the first tower's disc, where only that tower is visible-or-not in both.
        let agreement = try agreementFirstTower(out: out, viewshed: dir.appendingPathComponent("vs0.tif").path,
                                                x: points[0].0, y: points[0].1, radiusM: radiusKm * 1000, soloTower: count == 1)
        let median = Timing.median(ours), peer = Timing.median(theirs)
        return BenchResult(
            name: "los-cli-\(count)-tower\(count > 1 ? "s" : "")-\(Int(radiusKm))km-vs-gdal_viewshed", medianS: median, runsS: ours, cellsPerS: nil,
            figures: ["gdal_viewshed_s": peer, "speedup_vs_gdal_viewshed": peer / median, "agreement_first_tower": agreement,
                      "dem_cells": Double(grid.cellCount),
                      "blankspot_peak_mib": peakOurs.rounded(), "gdal_viewshed_peak_mib": peakTheirs.rounded()],
            notes: ["real SRTM tile warped to UTM 19N 30 m; blankspot: whole CLI run (read, sweep, write all outputs); gdal_viewshed: \(count) run(s), no merge"],
            checkPassed: agreement >= 0.99, checkDescription: "visibility agreement with gdal_viewshed ≥ 0.99 (got \(String(format: "%.4f", agreement)))")
    }

    /// Share of cells within the radius of the first tower where blankspot's visibility (from
    /// server_count for a solo tower, else best_server == 0 or count) equals gdal_viewshed's.
    static func agreementFirstTower(out: String, viewshed: String, x: Double, y: Double, radiusM: Double, soloTower: Bool) throws -> Double {
        let vs = try RasterReader.read(path: viewshed)
        let count = try RasterReader.read(path: out + "/server_count.tif")
        let best = try RasterReader.read(path: out + "/best_server.tif")
        var agree = 0, total = 0
        let g = vs.grid
        for r in 0..<g.height {
            let cy = g.centreYM(row: r)
            for c in 0..<g.width {
                let cx = g.centreXM(col: c)
                guard (cx - x) * (cx - x) + (cy - y) * (cy - y) <= radiusM * radiusM,
                      let a = count.grid.cell(containingXM: cx, yM: cy) else { continue }
                let i = a.row * count.grid.width + a.col
                let n = count.values[i]
                guard !n.isNaN else { continue }
                // With several towers a cell seen by tower 0 may have another best server; only
                // cells seen by nobody or by tower 0 alone are unambiguous.
                let oursVisible: Bool
                if soloTower { oursVisible = n > 0 } else {
                    if n == 0 { oursVisible = false } else if n == 1 && best.values[i] == 0 { oursVisible = true } else { continue }
                }
                let theirsVisible = vs.values[r * g.width + c] == 255
                total += 1
                if oursVisible == theirsVisible { agree += 1 }
            }
        }
        return total == 0 ? 0 : Double(agree) / Double(total)
    }
}

struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ d: String) { description = d }
}
