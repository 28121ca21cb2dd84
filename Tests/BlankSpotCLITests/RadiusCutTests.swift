import BlankSpotCore
import BlankSpotGDAL
import Foundation
import Testing
import TestSupport

/// `towers.csv` says how far each tower serves and whether `--radius-km` cut its coverage.
/// On flat ground with free space the farthest served cell is fixed in closed form: a 4G tower
/// of EIRP −2.44 dBm at 1800 MHz against −110 dBm serves while 92.4 + 20·log10(1.8) +
/// 20·log10(d km) ≤ 107.56 dB, i.e. to d = 10^(10/20) = 3.162 km, less the 3GPP vertical
/// pattern's 0.03 dB at 0.5° below a 30 m mast (−0.4 %): 3.15 km.
@Suite struct RadiusCutTests {
    static func flatScene(in dir: TemporaryDirectory) throws -> (dem: String, towers: String) {
        let crs = try AnalysisCRS(userInput: "EPSG:32750")
        let size = 300, cell = 30.0
        let grid = GridGeometry(originXM: 500_000, originYM: 9_700_000, cellSizeM: cell, width: size, height: size, crsWKT: crs.wkt)
        try GeoTIFFWriter.write(RasterProduct(pixels: .float32(GridBuffer<Float>(count: size * size, repeating: 20)), description: "flat",
                                              unit: "m", nodata: -9999, overviewResampling: .average), grid: grid, to: dir.file("dem.tif"))
        let p = crs.unproject(points: [(grid.centreXM(col: 150), grid.centreYM(row: 150))])[0]!
        try "id,lon,lat,height_m,technology,frequency_mhz,eirp_dbm\nF,\(p.lonDeg),\(p.latDeg),30,4G,1800,-2.44\n"
            .write(toFile: dir.file("t.csv"), atomically: true, encoding: .utf8)
        return (dir.file("dem.tif"), dir.file("t.csv"))
    }

    static func towerRow(_ out: String) throws -> [String: String] {
        let table = try CSVTable(text: String(contentsOfFile: out + "/towers.csv", encoding: .utf8), file: "towers.csv")
        return Dictionary(uniqueKeysWithValues: table.header.enumerated().map { ($1, table.rows[0].fields[$0]) })
    }

    @Test func cutWhenTheRadiusIsShorterThanTheSignal() throws {
        let dir = TemporaryDirectory()
        let scene = try Self.flatScene(in: dir)
        let short = try ExternalTool.run(ExternalTool.blankspot, ["coverage", "--dem", scene.dem, "--towers", scene.towers, "--out", dir.file("short"),
                                                                 "--model", "fspl", "--radius-km", "2"])
        #expect(short.status == 0, "\(short.stderr)")
        #expect(short.stderr.contains("1 of 1 towers serve cells at the edge of --radius-km 2"))
        let s = try Self.towerRow(dir.file("short"))
        #expect(s["cut_at_radius"] == "yes")
        #expect(abs(Double(s["served_to_m"]!)! - 2000) <= 45, "the farthest served cell lies in the disc's last 1.5 cells")
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dir.file("short/run.json")))) as! [String: Any]
        #expect((manifest["counts"] as! [String: Any])["towers_cut_at_radius"] as? Int == 1)

        let long = try ExternalTool.run(ExternalTool.blankspot, ["coverage", "--dem", scene.dem, "--towers", scene.towers, "--out", dir.file("long"),
                                                                "--model", "fspl", "--radius-km", "4"])
        #expect(long.status == 0, "\(long.stderr)")
        #expect(!long.stderr.contains("edge of --radius-km"))
        let l = try Self.towerRow(dir.file("long"))
        #expect(l["cut_at_radius"] == "no")
        // Within one cell diagonal (42 m) of the closed-form 3,150 m.
        #expect(abs(Double(l["served_to_m"]!)! - 3150) <= 43, "served to \(l["served_to_m"]!) m")
    }

    /// With the automatic reach the cut is judged where the tower was last evaluated: the cap,
    /// scaled by `--reach-scale`. The same tower (served to 3.15 km in closed form) under a 1 km
    /// cap doubled is evaluated to 2 km and serves to that edge: cut. Under a 3 km cap doubled
    /// its sweep stops at its free-space reach (3.16 km plus the vertical pattern's and the
    /// cell's rounding), short of 6 km: nothing beyond can be served, so it is not cut though
    /// the 3 km cap was its reach's basis.
    @Test func cutAtTheScaledCapOfTheAutomaticReach() throws {
        let dir = TemporaryDirectory()
        let scene = try Self.flatScene(in: dir)
        let cut = try ExternalTool.run(ExternalTool.blankspot, ["coverage", "--dem", scene.dem, "--towers", scene.towers, "--out", dir.file("cut"),
                                                               "--model", "fspl", "--max-reach-km", "1", "--reach-scale", "2"])
        #expect(cut.status == 0, "\(cut.stderr)")
        #expect(cut.stderr.contains("1 of 1 towers serve cells at the automatic reach's cap"), "\(cut.stderr)")
        let c = try Self.towerRow(dir.file("cut"))
        #expect(c["cut_at_radius"] == "yes" && c["reach_basis"] == "cap", "\(c)")
        #expect(c["evaluated_to_m"] == "2000")
        #expect(abs(Double(c["served_to_m"]!)! - 2000) <= 45, "served to \(c["served_to_m"]!) m: the scaled disc's last 1.5 cells")
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dir.file("cut/run.json")))) as! [String: Any]
        #expect((manifest["counts"] as! [String: Any])["towers_cut_at_radius"] as? Int == 1)

        let inside = try ExternalTool.run(ExternalTool.blankspot, ["coverage", "--dem", scene.dem, "--towers", scene.towers, "--out", dir.file("inside"),
                                                                  "--model", "fspl", "--max-reach-km", "3", "--reach-scale", "2"])
        #expect(inside.status == 0, "\(inside.stderr)")
        #expect(!inside.stderr.contains("automatic reach's cap,"), "\(inside.stderr)")
        let i = try Self.towerRow(dir.file("inside"))
        #expect(i["cut_at_radius"] == "no", "\(i)")
        let evaluated = Double(i["evaluated_to_m"]!)!
        #expect(evaluated >= 3162 && evaluated <= 3200, "evaluated to \(evaluated) m")
        #expect(abs(Double(i["served_to_m"]!)! - 3150) <= 43, "served to \(i["served_to_m"]!) m")
    }
}
