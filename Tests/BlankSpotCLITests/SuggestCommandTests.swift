import BlankSpotCore
import BlankSpotGDAL
import Foundation
import Testing
import TestSupport

/// `suggest` and `run --suggest` on made-up terrains whose best site the geometry dictates,
/// and the round trip: the suggested sites added to the tower list and `run` again give the
/// verdicts `suggest` predicted.
@Suite struct SuggestCommandTests {
    static let size = 300, cellM = 30.0, x0 = 500_000.0, y0 = 9_700_000.0

    /// A scene on a 300 × 300 grid of 30 m cells (UTM 50S): `height(col, row)` terrain, two
    /// existing towers in the south-west and north-east corners (far from everything that
    /// matters; together they make the coverage grid the whole DEM), and square
    /// villages (id, first column, first row, last column, last row, people).
    static func writeScene(in dir: TemporaryDirectory, height: (Int, Int) -> Float,
                           villages: [(id: String, c0: Int, r0: Int, c1: Int, r1: Int, people: Int)]) throws {
        let crs = try AnalysisCRS(userInput: "EPSG:32750")
        let grid = GridGeometry(originXM: x0, originYM: y0, cellSizeM: cellM, width: size, height: size, crsWKT: crs.wkt)
        let heights = GridBuffer<Float>(count: size * size, repeating: 10)
        for r in 0..<size { for c in 0..<size { heights[r * size + c] = height(c, r) } }
        try GeoTIFFWriter.write(RasterProduct(pixels: .float32(heights), description: "test terrain", unit: "m", nodata: -9999,
                                              overviewResampling: .average), grid: grid, to: dir.file("dem.tif"))
        var towers = "id,lon,lat,height_m\n"
        for (id, c, r) in [("SW", 5, 295), ("NE", 295, 5)] {
            let p = crs.unproject(points: [(grid.centreXM(col: c), grid.centreYM(row: r))])[0]!
            towers += "\(id),\(CSVWriter.number(p.lonDeg, decimals: 7)),\(CSVWriter.number(p.latDeg, decimals: 7)),10\n"
        }
        try towers.write(toFile: dir.file("towers.csv"), atomically: true, encoding: .utf8)
        try writeSquares(villages.map { ($0.id, $0.c0, $0.r0, $0.c1, $0.r1, "\"population\":\($0.people),") }, to: dir.file("villages.geojson"))
    }

    /// Square polygons covering cells c0…c1 × r0…r1, with extra properties.
    static func writeSquares(_ squares: [(id: String, c0: Int, r0: Int, c1: Int, r1: Int, properties: String)], to path: String) throws {
        var features: [String] = []
        for s in squares {
            let xa = x0 + Double(s.c0) * cellM, xb = x0 + Double(s.c1 + 1) * cellM
            let ya = y0 - Double(s.r0) * cellM, yb = y0 - Double(s.r1 + 1) * cellM
            let ring = "[[[\(xa),\(ya)],[\(xb),\(ya)],[\(xb),\(yb)],[\(xa),\(yb)],[\(xa),\(ya)]]]"
            features.append(#"{"type":"Feature","properties":{\#(s.properties)"id":"\#(s.id)","name":"Desa \#(s.id)"},"geometry":{"type":"Polygon","coordinates":\#(ring)}}"#)
        }
        try #"{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::32750"}},"features":[\#(features.joined(separator: ","))]}"#
            .write(toFile: path, atomically: true, encoding: .utf8)
    }

    static func sites(_ folder: String) throws -> [(col: Int, row: Int, fields: [String: String])] {
        let table = try CSVTable(text: String(contentsOfFile: folder + "/sites.csv", encoding: .utf8), file: "sites.csv")
        return table.rows.map { row in
            var f: [String: String] = [:]
            for (k, name) in table.header.enumerated() { f[name] = k < row.fields.count ? row.fields[k] : "" }
            let col = Int(((Double(f["x_m"]!)! - x0) / cellM).rounded(.down)), r = Int(((y0 - Double(f["y_m"]!)!) / cellM).rounded(.down))
            return (col, r, f)
        }
    }

    /// A 400 m cone at (150, 150), 10 m lower per cell, inside a moat of four villages that
    /// hold the people (a ring 10 cells wide around it); the hill is a village without people.
    /// Only the summit sees the whole ring, so one site with 100 % counting as covered goes
    /// there (±1 cell). Line of sight, 3 km.
    @Test func aSiteForAVillageAroundAHillGoesOnItsSummit() throws {
        let dir = TemporaryDirectory()
        try Self.writeScene(in: dir, height: { c, r in
            let d = (Double((c - 150) * (c - 150) + (r - 150) * (r - 150))).squareRoot()
            return Float(max(10, 400 - 10 * d))
        }, villages: [("N", 100, 100, 200, 109, 250), ("S", 100, 191, 200, 200, 250), ("W", 100, 110, 109, 190, 250),
                      ("E", 191, 110, 200, 190, 250), ("Bukit", 110, 110, 190, 190, 0)])
        let out = dir.file("out")
        let r = try ExternalTool.run(ExternalTool.blankspot, [
            "run", "--dem", dir.file("dem.tif"), "--towers", dir.file("towers.csv"), "--villages", dir.file("villages.geojson"),
            "--out", out, "--model", "los", "--radius-km", "3", "--covered-percent", "100", "--blank-percent", "10",
            "--suggest", "1", "--grid-m", "30", "--height-m", "5", "--max-sweeps", "600"])
        #expect(r.status == 0, "\(r.stderr)")
        let s = try Self.sites(out + "/suggest")
        #expect(s.count == 1)
        #expect(abs(s[0].col - 150) <= 1 && abs(s[0].row - 150) <= 1, "site at \(s[0].col), \(s[0].row)")
        for v in ["N", "S", "W", "E"] { #expect(s[0].fields["lifted_villages"]!.contains("Desa \(v) (blank 0 % → covered 100 %)"), "\(s[0].fields)") }
    }

    /// A 300 m north–south ridge at column 150 (10 m lower per cell on either side) between two
    /// villages of 1,000 people, each hidden from the other's side; the ridge itself is a
    /// village without people. One site can serve both only from the crest.
    static func ridgeScene(in dir: TemporaryDirectory) throws {
        try writeScene(in: dir, height: { c, _ in Float(max(10, 300 - 10 * abs(c - 150))) },
                       villages: [("Barat", 110, 130, 129, 170, 1000), ("Timur", 171, 130, 190, 170, 1000), ("Punggung", 130, 130, 170, 170, 0)])
    }

    @Test func oneSiteOnTheRidgeServesTheVillagesOnBothSides() throws {
        let dir = TemporaryDirectory()
        try Self.ridgeScene(in: dir)
        let out = dir.file("out")
        let r = try ExternalTool.run(ExternalTool.blankspot, [
            "run", "--dem", dir.file("dem.tif"), "--towers", dir.file("towers.csv"), "--villages", dir.file("villages.geojson"),
            "--out", out, "--model", "los", "--radius-km", "3", "--suggest", "1", "--grid-m", "30", "--height-m", "5"])
        #expect(r.status == 0, "\(r.stderr)")
        let s = try Self.sites(out + "/suggest")
        #expect(s.count == 1 && abs(s[0].col - 150) <= 1, "\(s.map { ($0.col, $0.row) })")
        for v in ["Barat", "Timur"] { #expect(s[0].fields["lifted_villages"]!.contains("Desa \(v) (blank 0 % → covered 100 %)"), "\(s[0].fields)") }
        // The after/ verdicts: nobody left without service.
        let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/suggest/after/summary.json"))) as! [String: Any]
        let total = summary["total"] as! [String: Any]
        #expect((total["people_without_service"] as! NSNumber).doubleValue == 0)
    }

    /// The ridge scene with the crest's middle excluded and three sites at least 1 km apart:
    /// no site inside the exclusion, none closer than 1 km to another or to the tower.
    @Test func noSiteInAnExclusionOrCloserThanTheSpacing() throws {
        let dir = TemporaryDirectory()
        try Self.ridgeScene(in: dir)
        try Self.writeSquares([("hutan lindung", 140, 135, 160, 165, "")], to: dir.file("exclude.geojson"))
        let coverage = dir.file("coverage")
        var r = try ExternalTool.run(ExternalTool.blankspot, [
            "coverage", "--dem", dir.file("dem.tif"), "--towers", dir.file("towers.csv"), "--out", coverage, "--model", "los", "--radius-km", "3"])
        #expect(r.status == 0, "\(r.stderr)")
        let out = dir.file("out")
        r = try ExternalTool.run(ExternalTool.blankspot, [
            "suggest", "--coverage", coverage, "--villages", dir.file("villages.geojson"), "--sites", "3", "--out", out,
            "--grid-m", "60", "--height-m", "5,20", "--exclude", dir.file("exclude.geojson"), "--min-spacing-km", "1"])
        #expect(r.status == 0, "\(r.stderr)")
        let s = try Self.sites(out)
        #expect(!s.isEmpty)
        for a in s {
            #expect(!(140...160).contains(a.col) || !(135...165).contains(a.row), "site at \(a.col), \(a.row) in the exclusion")
            for (c, r) in [(5, 295), (295, 5)] { #expect(Double((a.col - c) * (a.col - c) + (a.row - r) * (a.row - r)).squareRoot() * Self.cellM >= 1000) }
            for b in s where a.col != b.col || a.row != b.row {
                #expect(Double((a.col - b.col) * (a.col - b.col) + (a.row - b.row) * (a.row - b.row)).squareRoot() * Self.cellM >= 1000)
            }
        }
        // The certificate: a bound at least the value, a gap in [0, 100] %.
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/run.json"))) as! [String: Any]
        let certificate = manifest["certificate"] as! [String: Any]
        let value = (certificate["objective"] as! NSNumber).doubleValue, bound = (certificate["upper_bound"] as! NSNumber).doubleValue
        #expect(bound >= value && value > 0)
    }

    /// `suggest` writes the same bytes with 1 and 2 threads; `--target-served-percent 40`
    /// stops at the one crest site, which brings the two villages' people (all of the area's)
    /// from 0 % to 100 % served.
    @Test func sameBytesForAnyThreadCountAndTheTargetStopsEarly() throws {
        let dir = TemporaryDirectory()
        try Self.ridgeScene(in: dir)
        let coverage = dir.file("coverage")
        var r = try ExternalTool.run(ExternalTool.blankspot, [
            "coverage", "--dem", dir.file("dem.tif"), "--towers", dir.file("towers.csv"), "--out", coverage, "--model", "los", "--radius-km", "3"])
        #expect(r.status == 0, "\(r.stderr)")
        var outs: [String] = []
        for threads in ["1", "2"] {
            let out = dir.file("out-\(threads)")
            r = try ExternalTool.run(ExternalTool.blankspot, [
                "suggest", "--coverage", coverage, "--villages", dir.file("villages.geojson"), "--sites", "3", "--out", out,
                "--grid-m", "90", "--height-m", "5,20", "--max-sweeps", "60", "--threads", threads])
            #expect(r.status == 0, "\(r.stderr)")
            outs.append(out)
        }
        for file in ["sites.csv", "curve.csv", "baselines.csv", "after/priority.csv", "after/towers_with_sites.csv"] {
            let a = try Data(contentsOf: URL(fileURLWithPath: outs[0] + "/" + file)), b = try Data(contentsOf: URL(fileURLWithPath: outs[1] + "/" + file))
            #expect(a == b && !a.isEmpty, "\(file) differs between 1 and 2 threads")
        }
        let target = dir.file("target")
        r = try ExternalTool.run(ExternalTool.blankspot, [
            "suggest", "--coverage", coverage, "--villages", dir.file("villages.geojson"), "--sites", "3", "--out", target,
            "--grid-m", "30", "--height-m", "5", "--target-served-percent", "40"])
        #expect(r.status == 0, "\(r.stderr)")
        let s = try Self.sites(target)
        #expect(s.count == 1 && abs(s[0].col - 150) <= 1)
    }

    /// The round trip with P.1812: `run --suggest 2` on bumpy ground, then `run` on the tower
    /// file with the two sites added (after/towers_with_sites.csv) on the same grid and model:
    /// every village's status and served share, and the people newly served, are those
    /// `suggest` predicted (to the 0.1 person the tables print).
    @Test func addingTheSitesAndRunningAgainGivesThePredictedVerdicts() throws {
        let dir = TemporaryDirectory()
        try Self.writeScene(in: dir, height: { c, r in
            Float(40 + 25 * sin(Double(c) / 7) * cos(Double(r) / 9) + 60 * exp(-Double((c - 150) * (c - 150) + (r - 140) * (r - 140)) / 800))
        }, villages: [("A", 100, 100, 139, 139, 800), ("B", 160, 100, 199, 139, 1200), ("C", 100, 160, 139, 199, 500), ("D", 160, 160, 199, 199, 900)])
        let common = ["--dem", dir.file("dem.tif"), "--villages", dir.file("villages.geojson"), "--model", "p1812", "--clutter", "none",
                      "--radius-km", "4", "--threshold-dbm=-85"]
        let first = dir.file("first")
        var r = try ExternalTool.run(ExternalTool.blankspot, ["run", "--towers", dir.file("towers.csv"), "--out", first] + common
                                     + ["--suggest", "2", "--grid-m", "150", "--max-sweeps", "80"])
        #expect(r.status == 0, "\(r.stderr)")
        print(r.stderr.split(separator: "\n").filter { $0.contains("suggest") || $0.contains("villages:") }.joined(separator: "\n"))
        print(try String(contentsOfFile: first + "/suggest/sites.csv", encoding: .utf8))
        let second = dir.file("second")
        r = try ExternalTool.run(ExternalTool.blankspot, ["run", "--towers", first + "/suggest/after/towers_with_sites.csv", "--out", second] + common)
        #expect(r.status == 0, "\(r.stderr)")
        func verdicts(_ folder: String) throws -> [String] {
            let info = try ExternalTool.run("ogrinfo", ["-ro", "-q", "-sql", "SELECT village_id, status, covered_population_percent FROM villages ORDER BY village_id", folder + "/villages.gpkg"])
            return info.stdout.split(separator: "\n").filter { $0.contains(" = ") }.map { String($0).trimmingCharacters(in: .whitespaces) }
        }
        let predicted = try verdicts(first + "/suggest/after"), actual = try verdicts(second)
        #expect(!predicted.isEmpty && predicted == actual)
        func peopleWithoutService(_ folder: String) throws -> Double {
            let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder + "/summary.json"))) as! [String: Any]
            return ((summary["total"] as! [String: Any])["people_without_service"] as! NSNumber).doubleValue
        }
        let newly = Double(try Self.sites(first + "/suggest").last!.fields["cumulative_people_newly_served"]!)!
        #expect(newly > 0)
        #expect(abs((try peopleWithoutService(first)) - (try peopleWithoutService(second)) - newly) <= 0.15)
        #expect(try peopleWithoutService(first + "/suggest/after") == (try peopleWithoutService(second)))
    }
}
