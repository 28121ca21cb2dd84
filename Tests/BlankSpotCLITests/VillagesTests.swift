import BlankSpotCore
import BlankSpotGDAL
import Foundation
import Testing
import TestSupport

@Suite struct VillagesTests {
    /// Three square villages on flat ground with a tower to the west and a 200 m wall running
    /// north–south at column 100 (30 m cells, UTM 50S): village A (columns 40–59) is in full view,
    /// B (140–159) lies behind the wall, C (90–109) straddles it: columns 90–99 and the wall
    /// column itself are visible, 101–109 hidden, so 11 of its 20 columns (55 %) are served.
    /// Each has 1,000 people spread evenly.
    @Test func statusesAndPercentagesAreExact() throws {
        let dir = TemporaryDirectory()
        try Self.writeWallScene(in: dir)
        let out = dir.file("out")
        let r = try ExternalTool.run(ExternalTool.blankspot, ["run", "--dem", dir.file("dem.tif"), "--towers", dir.file("towers.csv"),
                                                             "--villages", dir.file("villages.geojson"), "--out", out,
                                                             "--model", "los", "--radius-km", "5"])
        #expect(r.status == 0, "\(r.stderr)")
        let table = try CSVTable(text: String(contentsOfFile: out + "/priority.csv", encoding: .utf8), file: "priority.csv")
        func value(_ row: [String], _ name: String) -> String { row[table.column([name])!] }
        #expect(table.rows.count == 2)
        let b = table.rows[0].fields, c = table.rows[1].fields
        #expect(value(b, "village_id") == "B" && value(b, "status") == "blank" && value(b, "covered_population_percent") == "0")
        #expect(value(b, "uncovered_population") == "1000" && value(b, "score") == "1500" && value(b, "rank") == "1")
        #expect(value(c, "village_id") == "C" && value(c, "status") == "partial" && value(c, "covered_population_percent") == "55")
        #expect(value(c, "covered_area_percent") == "55" && value(c, "uncovered_population") == "450" && value(c, "score") == "450")
        let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/summary.json"))) as! [String: Any]
        let total = summary["total"] as! [String: Any]
        #expect(total["villages"] as? Int == 3 && total["covered"] as? Int == 1 && total["partial"] as? Int == 1 && total["blank"] as? Int == 1)
        #expect((total["people_without_service"] as! NSNumber).doubleValue == 1450)
        // A is in the GeoPackage, covered, with its 400 cells and no priority rank.
        let info = try ExternalTool.run("ogrinfo", ["-ro", "-q", "-sql", "SELECT village_id, status, cells, covered_area_percent, priority_rank FROM villages WHERE village_id = 'A'", out + "/villages.gpkg"])
        #expect(info.stdout.contains("status (String) = covered") && info.stdout.contains("cells (Integer64) = 400"))
        #expect(info.stdout.contains("covered_area_percent (Real) = 100") && info.stdout.contains("priority_rank (Integer64) = (null)"))
    }

    /// The scene of ``statusesAndPercentagesAreExact()``: dem.tif, towers.csv, villages.geojson.
    static func writeWallScene(in dir: TemporaryDirectory) throws {
        let crs = try AnalysisCRS(userInput: "EPSG:32750")
        let size = 200, cell = 30.0, x0 = 500_000.0, y0 = 9_700_000.0
        let grid = GridGeometry(originXM: x0, originYM: y0, cellSizeM: cell, width: size, height: size, crsWKT: crs.wkt)
        let heights = GridBuffer<Float>(count: size * size, repeating: 10)
        for r in 0..<size { heights[r * size + 100] = 200 }
        try GeoTIFFWriter.write(RasterProduct(pixels: .float32(heights), description: "test terrain", unit: "m", nodata: -9999,
                                              overviewResampling: .average), grid: grid, to: dir.file("dem.tif"))
        let tower = crs.unproject(points: [(grid.centreXM(col: 20), grid.centreYM(row: 100))])[0]!
        try "id,lon,lat,height_m\nW,\(tower.lonDeg),\(tower.latDeg),30\n".write(toFile: dir.file("towers.csv"), atomically: true, encoding: .utf8)
        func square(_ c0: Int, _ r0: Int, _ n: Int) -> String {
            let xa = x0 + Double(c0) * cell, xb = x0 + Double(c0 + n) * cell
            let ya = y0 - Double(r0) * cell, yb = y0 - Double(r0 + n) * cell
            return "[[[\(xa),\(ya)],[\(xb),\(ya)],[\(xb),\(yb)],[\(xa),\(yb)],[\(xa),\(ya)]]]"
        }
        var features: [String] = []
        for (id, c0) in [("A", 40), ("B", 140), ("C", 90)] {
            features.append(#"{"type":"Feature","properties":{"id":"\#(id)","name":"Desa \#(id)","population":1000,"kabupaten":"Test"},"geometry":{"type":"Polygon","coordinates":\#(square(c0, 90, 20))}}"#)
        }
        try #"{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::32750"}},"features":[\#(features.joined(separator: ","))]}"#
            .write(toFile: dir.file("villages.geojson"), atomically: true, encoding: .utf8)
    }

    /// `--confirm p1812|itm` on the wall scene: both terrain models, point to point from the
    /// tower to each village's sample points (centroid cell + 16 cells spread through the
    /// village), reach the verdicts the geometry dictates: A in full view covered, B 190 m
    /// below the wall's top 2.4–3 km behind it blank (knife-edge loss about 40 dB on top of
    /// free space), C straddling the wall partial; the raster and confirmed verdicts agree.
    @Test(arguments: ["p1812", "itm"])
    func confirmationAgreesOnTheWallScene(model: String) throws {
        let dir = TemporaryDirectory()
        try Self.writeWallScene(in: dir)
        let out = dir.file("out")
        let r = try ExternalTool.run(ExternalTool.blankspot, ["run", "--dem", dir.file("dem.tif"), "--towers", dir.file("towers.csv"),
                                                             "--villages", dir.file("villages.geojson"), "--out", out,
                                                             "--model", "p1812", "--radius-km", "5", "--clutter", "none", "--confirm", model])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("confirmed point to point: 3 of 3 verdicts agree"), "\(r.stderr)")
        let info = try ExternalTool.run("ogrinfo", ["-ro", "-q", "-sql", "SELECT village_id, status, confirmed_status, confirm_agrees, confirm_points, confirmed_served_percent FROM villages ORDER BY village_id", out + "/villages.gpkg"])
        let statuses = info.stdout.split(separator: "\n").filter { $0.contains("confirmed_status (String) = ") }
            .map { String($0.split(separator: "=").last!).trimmingCharacters(in: .whitespaces) }
        #expect(statuses == ["covered", "blank", "partial"], "\(info.stdout)")
        #expect(info.stdout.components(separatedBy: "confirm_points (Integer64) = 17").count == 4)
        let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/summary.json"))) as! [String: Any]
        let confirmation = summary["confirmation"] as! [String: Any]
        #expect(confirmation["model"] as? String == model)
        #expect((confirmation["counts"] as! [String: Any])["agree"] as? Int == 3)
        // The same confirmation from the finished folder with `villages`.
        let again = try ExternalTool.run(ExternalTool.blankspot, ["villages", "--coverage", out, "--villages", dir.file("villages.geojson"),
                                                                 "--out", dir.file("again"), "--confirm", model])
        #expect(again.status == 0, "\(again.stderr)")
        let a = try String(contentsOfFile: out + "/priority.csv", encoding: .utf8)
        let b = try String(contentsOfFile: dir.file("again") + "/priority.csv", encoding: .utf8)
        #expect(a == b)
    }

    /// `--confirm` when the coverage run's DEM (named in run.json) is gone: one line naming the
    /// DEM and what to do, non-zero exit, no output folder; `--dem` then makes it work.
    @Test func confirmationWithoutTheDEMFails() throws {
        let dir = TemporaryDirectory()
        try Self.writeWallScene(in: dir)
        let cov = dir.file("cov")
        let c = try ExternalTool.run(ExternalTool.blankspot, ["coverage", "--dem", dir.file("dem.tif"), "--towers", dir.file("towers.csv"),
                                                             "--out", cov, "--model", "los", "--radius-km", "5"])
        #expect(c.status == 0, "\(c.stderr)")
        try FileManager.default.moveItem(atPath: dir.file("dem.tif"), toPath: dir.file("moved.tif"))
        let out = dir.file("out")
        let r = try ExternalTool.run(ExternalTool.blankspot, ["villages", "--coverage", cov, "--villages", dir.file("villages.geojson"),
                                                             "--out", out, "--confirm", "p1812"])
        #expect(r.status != 0)
        #expect(r.stderr.contains(dir.file("dem.tif")) && r.stderr.contains("give --dem"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))
        let ok = try ExternalTool.run(ExternalTool.blankspot, ["villages", "--coverage", cov, "--villages", dir.file("villages.geojson"),
                                                              "--out", out, "--confirm", "p1812", "--dem", dir.file("moved.tif")])
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(ok.stderr.contains("3 of 3 verdicts agree"), "\(ok.stderr)")
    }

    /// The real Kalsel polygons over the (coarse, GENERATED) sample terrain: every one of the
    /// 2,008 villages is in villages.gpkg exactly once or reported as skipped; each area equals
    /// GDAL's own (ogr2ogr to UTM 50S, OGR_GEOM_AREA) within 1 %; priority.csv is sorted by
    /// score; summary.json's totals equal the sums over its regions and villages.
    @Test func kalselVillagesAreAllAccountedFor() throws {
        let dir = TemporaryDirectory()
        let data = ExternalTool.dataFolder + "/kalsel"
        let terrain = dir.file("terrain.tif")
        let g = try ExternalTool.run(ExternalTool.kalselSample, ["terrain", data + "/kalsel_provinsi.geojson", terrain, "30"])
        #expect(g.status == 0, "\(g.stderr)")
        let out = dir.file("out")
        let r = try ExternalTool.run(ExternalTool.blankspot, [
            "run", "--dem", terrain, "--towers", data + "/kalsel_towers_illustrative.csv",
            "--villages", data + "/kalsel_desa_kelurahan_estimated_population.geojson", "--out", out,
            "--model", "fspl", "--radius-km", "8",
        ])
        #expect(r.status == 0, "\(r.stderr)")
        // Every village once.
        let ids = try ExternalTool.run("ogrinfo", ["-ro", "-q", "-sql", "SELECT village_id FROM villages", out + "/villages.gpkg"])
        let listed = ids.stdout.split(separator: "\n").filter { $0.contains("village_id (String) = ") }
            .map { String($0.split(separator: "=").last!).trimmingCharacters(in: .whitespaces) }
        let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/summary.json"))) as! [String: Any]
        let skipped = (summary["skipped"] as! [[String: Any]]).map { $0["village_id"] as! String }
        #expect(listed.count + skipped.count == 2008)
        #expect(Set(listed).count == listed.count && Set(listed).isDisjoint(with: skipped))
        // Areas against GDAL's own.
        let utm = dir.file("utm.gpkg")
        let t = try ExternalTool.run("ogr2ogr", ["-t_srs", "EPSG:32750", utm, out + "/villages.gpkg", "villages"])
        #expect(t.status == 0, "\(t.stderr)")
        let areas = try ExternalTool.run("ogrinfo", ["-ro", "-q", "-dialect", "OGRSQL", "-sql", "SELECT village_id, area_km2, OGR_GEOM_AREA AS gdal_area FROM villages", utm])
        var compared = 0, worst = 0.0
        var current: (String, Double)?
        for line in areas.stdout.split(separator: "\n") {
            let text = line.trimmingCharacters(in: .whitespaces)
            if text.hasPrefix("area_km2 (Real) = ") { current = ("", Double(text.dropFirst(18))!) }
            if text.hasPrefix("gdal_area (Real) = "), let ours = current?.1 {
                let gdal = Double(text.dropFirst(19))! / 1e6
                worst = max(worst, abs(ours - gdal) / gdal)
                compared += 1
            }
        }
        #expect(compared == listed.count)
        #expect(worst < 0.01, "largest relative area difference \(worst)")
        // priority.csv sorted by score, ranks 1…n.
        let p = try CSVTable(text: String(contentsOfFile: out + "/priority.csv", encoding: .utf8), file: "priority.csv")
        let scores = p.rows.map { Double($0.fields[p.column(["score"])!])! }
        #expect(scores == scores.sorted(by: >))
        #expect(p.rows.map { Int($0.fields[0])! } == Array(1...p.rows.count))
        // summary totals = sums over regions.
        let total = summary["total"] as! [String: Any]
        let regions = (summary["by_region"] as! [[String: Any]]).map { $0["counts"] as! [String: Any] }
        for key in ["villages", "covered", "partial", "blank"] {
            #expect(total[key] as? Int == regions.reduce(0) { $0 + ($1[key] as! Int) }, "\(key)")
        }
        for key in ["population", "people_without_service"] {
            let sum = regions.reduce(0.0) { $0 + ($1[key] as! NSNumber).doubleValue }
            #expect(abs((total[key] as! NSNumber).doubleValue - sum) < 1, "\(key)")
        }
        #expect(total["villages"] as? Int == listed.count)
        #expect(regions.count == 13)
    }
}
