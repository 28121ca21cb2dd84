import BlankSpotCore
import BlankSpotGDAL
import Foundation
import Testing
import TestSupport

/// `blankspot coverage --model los` against `gdal_viewshed` (GDAL's own viewshed, Wang et al.
/// 2000) on the real SRTM tile warped to UTM 19N at 90 m.
@Suite(.serialized) struct ViewshedAgreementTests {
    static let dir = TemporaryDirectory("viewshed")
    static let dem: String = {
        let path = dir.file("dem90.tif")
        let r = try! ExternalTool.run("gdalwarp", ["-q", "-t_srs", "EPSG:32619", "-tr", "90", "90", "-tap",
                                                  "-r", "bilinear", "-ot", "Float32", "-dstnodata", "-9999",
                                                  Fixtures.whiteMountainsTile, path])
        precondition(r.status == 0, r.stderr)
        return path
    }()

    /// One tower at the centre of cell (col, row) of the warped DEM, 30 m mast, 1.5 m receiver,
    /// 50 km, k = 7/6 (gdal_viewshed -cc 0.85714 = 1 − 1/7). At least 99.5 % of the cells within
    /// 50 km must agree.
    @Test(arguments: [(350, 800), (550, 800), (200, 200)])
    func agreesWithGdalViewshed(col: Int, row: Int) throws {
        let demInfo = try RasterReader.read(path: Self.dem)
        let g = demInfo.grid
        let x = g.centreXM(col: col), y = g.centreYM(row: row)
        let crs = try AnalysisCRS(userInput: "EPSG:32619")
        let lonLat = crs.unproject(points: [(x, y)])[0]!
        let work = TemporaryDirectory("viewshed-case")
        let towers = work.file("towers.csv")
        try "id,lon,lat,height_m\nT,\(lonLat.lonDeg),\(lonLat.latDeg),30\n".write(toFile: towers, atomically: true, encoding: .utf8)
        let out = work.file("out")
        let run = try ExternalTool.run(ExternalTool.blankspot, [
            "coverage", "--dem", Self.dem, "--towers", towers, "--out", out, "--model", "los",
            "--radius-km", "50", "--rx-height-m", "1.5", "--k-factor", String(7.0 / 6.0),
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let viewshed = work.file("viewshed.tif")
        let gv = try ExternalTool.run("gdal_viewshed", ["-q", "-ox", "\(x)", "-oy", "\(y)", "-oz", "30", "-tz", "1.5",
                                                       "-md", "50000", "-cc", "0.85714", Self.dem, viewshed])
        #expect(gv.status == 0, "\(gv.stderr)")

        let ours = try RasterReader.read(path: out + "/coverage.tif")
        let theirs = try RasterReader.read(path: viewshed)
        let manifest = try String(contentsOfFile: out + "/run.json", encoding: .utf8)
        #expect(manifest.contains("read directly"), "the DEM is already on the analysis grid: no warp")
        var agree = 0, total = 0, oursVisible = 0, theirsVisible = 0
        for r in 0..<g.height {
            for c in 0..<g.width {
                let cx = g.centreXM(col: c), cy = g.centreYM(row: r)
                guard (cx - x) * (cx - x) + (cy - y) * (cy - y) <= 50_000 * 50_000 else { continue }
                guard let a = ours.grid.cell(containingXM: cx, yM: cy), let b = theirs.grid.cell(containingXM: cx, yM: cy) else { continue }
                let visOurs = ours.values[a.row * ours.grid.width + a.col] == 1
                let visTheirs = theirs.values[b.row * theirs.grid.width + b.col] == 255
                total += 1
                if visOurs == visTheirs { agree += 1 }
                if visOurs { oursVisible += 1 }
                if visTheirs { theirsVisible += 1 }
            }
        }
        let share = Double(agree) / Double(total)
        print("tower at (\(col), \(row)): \(total) cells, agreement \(share), visible blankspot \(oursVisible) gdal_viewshed \(theirsVisible)")
        #expect(total > 500_000)
        #expect(oursVisible > 10_000, "the case must have a real visible area")
        #expect(share >= 0.995)
    }
}
