import BlankSpotCore
import BlankSpotGDAL
import Foundation
import Testing
import TestSupport

@Suite struct CoverageCommandTests {
    static let tile = Fixtures.whiteMountainsTile

    static func towersFile(in dir: TemporaryDirectory, _ rows: [String], header: String = "id,lon,lat,height_m") -> String {
        let path = dir.file("towers.csv")
        try! ([header] + rows).joined(separator: "\n").appending("\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static let fiveTowers = [
        "summit,-71.3033,44.2706,30", "north,-71.40,44.55,25", "east,-71.10,44.35,40",
        "valley,-71.55,44.15,30", "lake,-71.70,44.60,20",
    ]

    /// The same output bytes with --threads 1 and --threads 4. With five towers, one thread
    /// sweeps whole towers into footprints and merges them, four threads share each tower's rays
    /// and merge cell by cell: two code paths, one result. run.json differs only in timings.
    @Test(arguments: ["los", "p1812", "itm"])
    func outputBytesDoNotDependOnThreadCount(model: String) throws {
        let dir = TemporaryDirectory()
        let towers = Self.towersFile(in: dir, Self.fiveTowers)
        for threads in [1, 4] {
            let r = try ExternalTool.run(ExternalTool.blankspot, [
                "coverage", "--dem", Self.tile, "--towers", towers, "--out", dir.file("out\(threads)"),
                "--radius-km", model == "los" ? "15" : "8", "--threads", "\(threads)", "--model", model,
            ])
            #expect(r.status == 0, "\(r.stderr)")
        }
        let files = ["server_count.tif", "coverage.tif", "best_server.tif", "towers.csv"] + (model == "los" ? [] : ["signal_dbm.tif"])
        for file in files {
            let a = try Data(contentsOf: URL(fileURLWithPath: dir.file("out1/\(file)")))
            let b = try Data(contentsOf: URL(fileURLWithPath: dir.file("out4/\(file)")))
            #expect(a == b, "\(file) differs between 1 and 4 threads")
            #expect(a.count > 100)
        }
        let best = try RasterReader.read(path: dir.file("out1/best_server.tif"))
        #expect(Set(best.values.filter { !$0.isNaN }).count >= 4, "several towers are best somewhere")
    }

    /// What gdalinfo reports: CRS, nodata, overviews, band descriptions, category names.
    @Test func outputsOpenInGdalinfo() throws {
        let dir = TemporaryDirectory()
        let towers = Self.towersFile(in: dir, ["summit,-71.3033,44.2706,30"])
        let out = dir.file("out")
        let r = try ExternalTool.run(ExternalTool.blankspot, ["coverage", "--dem", Self.tile, "--towers", towers, "--out", out, "--radius-km", "40", "--model", "los"])
        #expect(r.status == 0, "\(r.stderr)")
        for (file, description, nodata, type) in [("coverage.tif", "line-of-sight coverage class", "255", "Byte"),
                                                  ("server_count.tif", "towers with line of sight", "255", "Byte"),
                                                  ("best_server.tif", "nearest tower with line of sight (row in towers.csv)", "-1", "Int16")] {
            let info = try ExternalTool.run("gdalinfo", [out + "/" + file])
            #expect(info.status == 0)
            #expect(info.stdout.contains("Type=\(type)"), "\(file): pixel type")
            #expect(info.stdout.contains("WGS 84 / UTM zone 19N"), "\(file): CRS")
            #expect(info.stdout.contains("NoData Value=\(nodata)"), "\(file): nodata")
            #expect(info.stdout.contains("Overviews:"), "\(file): overviews")
            #expect(info.stdout.contains("Description = \(description)"), "\(file): description")
            #expect(info.stdout.contains("BLANKSPOT_MODEL=los") && info.stdout.contains("BLANKSPOT_RADIUS_M=40000"))
        }
        let coverage = try ExternalTool.run("gdalinfo", [out + "/coverage.tif"]).stdout
        #expect(coverage.contains("Categories:") && coverage.contains("no line of sight (blank)"))
        #expect(coverage.contains("Color Table"))
        let towersOut = try String(contentsOfFile: out + "/towers.csv", encoding: .utf8)
        #expect(towersOut.hasPrefix("index,id,lon,lat,x_m,y_m"))
        #expect(towersOut.contains("0,summit,-71.3033,44.2706"))
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/run.json"))) as! [String: Any]
        #expect((manifest["inputs"] as! [[String: Any]]).contains { ($0["sha256"] as? String)?.count == 64 })
    }

    /// From 255 towers on, a cell could count more towers than a byte holds: server_count is
    /// then UInt16 with nodata 65535. Its counts must equal, cell by cell, the sum of the (Byte)
    /// counts of two runs that split the same towers in halves (a lattice split like a
    /// chessboard); nodata where there is no terrain. Each run's grid covers its own towers,
    /// all on the same cell lattice, so cells are matched by their offsets. The DEM is projected
    /// onto that lattice first, so every run reads the same heights without warping.
    @Test func serverCountWidensBeyond254Towers() throws {
        let dir = TemporaryDirectory()
        let dem = dir.file("dem90.tif")
        let warp = try ExternalTool.run("gdalwarp", ["-q", "-t_srs", "EPSG:32619", "-tr", "90", "90", "-tap", "-r", "bilinear",
                                                     "-ot", "Float32", "-dstnodata", "-9999", Self.tile, dem])
        #expect(warp.status == 0, "\(warp.stderr)")
        var rows: [String] = [], black: [String] = [], white: [String] = []
        for i in 0..<(20 * 13) {
            let col = i % 20, row = i / 20
            let line = "T\(i),\(-71.9 + 0.04 * Double(col)),\(44.1 + 0.065 * Double(row)),30"
            rows.append(line)
            if (col + row) % 2 == 0 { black.append(line) } else { white.append(line) }
        }
        func run(_ name: String, _ towers: [String]) throws -> RasterBandData {
            let out = dir.file(name)
            let r = try ExternalTool.run(ExternalTool.blankspot, ["coverage", "--dem", dem, "--towers", Self.towersFile(in: dir, towers),
                                                                  "--out", out, "--radius-km", "4", "--model", "los"])
            #expect(r.status == 0, "\(r.stderr)")
            let info = try ExternalTool.run("gdalinfo", [out + "/server_count.tif"]).stdout
            #expect(info.contains(towers.count > 254 ? "Type=UInt16" : "Type=Byte"), "\(name): pixel type")
            #expect(info.contains(towers.count > 254 ? "NoData Value=65535" : "NoData Value=255"), "\(name): nodata")
            return try RasterReader.read(path: out + "/server_count.tif")
        }
        let all = try run("all", rows), a = try run("a", black), b = try run("b", white)
        /// The count of `half` at cell (c, r) of `all`'s grid: 0 outside its grid, where none of its towers reaches.
        func count(_ half: RasterBandData, col c: Int, row r: Int) -> Float {
            let g = half.grid, cellM = all.grid.cellSizeM
            let hc = c - Int(((g.originXM - all.grid.originXM) / cellM).rounded())
            let hr = r - Int(((all.grid.originYM - g.originYM) / cellM).rounded())
            return hc >= 0 && hr >= 0 && hc < g.width && hr < g.height ? half.values[hr * g.width + hc] : 0
        }
        var mismatches = 0, overlapping = 0, terrainless = 0
        for r in 0..<all.grid.height {
            for c in 0..<all.grid.width {
                let got = all.values[r * all.grid.width + c]
                if got.isNaN { terrainless += 1; continue }
                if got != count(a, col: c, row: r) + count(b, col: c, row: r) { mismatches += 1 }
                if got >= 2 { overlapping += 1 }
            }
        }
        #expect(mismatches == 0)
        #expect(overlapping > 1000, "the towers' discs overlap, so counts above 1 are exercised")
    }

    /// Signal outputs as gdalinfo sees them: the received-signal raster in dBm with its
    /// nodata, the four service classes with names and colours, thresholds in the metadata.
    @Test func signalOutputsOpenInGdalinfo() throws {
        let dir = TemporaryDirectory()
        let towers = Self.towersFile(in: dir, ["gorham,-71.1731,44.3878,35,4G", "berlin,-71.1851,44.4687,35,2G"],
                                     header: "id,lon,lat,height_m,technology")
        let out = dir.file("out")
        let r = try ExternalTool.run(ExternalTool.blankspot, ["coverage", "--dem", Self.tile, "--towers", towers, "--out", out,
                                                             "--radius-km", "6", "--threshold", "4G=-105"])
        #expect(r.status == 0, "\(r.stderr)")
        let signal = try ExternalTool.run("gdalinfo", ["-stats", out + "/signal_dbm.tif"]).stdout
        #expect(signal.contains("Type=Float32") && signal.contains("NoData Value=-9999") && signal.contains("Unit Type: dBm"))
        #expect(signal.contains("BLANKSPOT_MODEL=p1812") && signal.contains("BLANKSPOT_THRESHOLDS_DBM=2G -100, 3G -100, 4G -105, 5G -110"))
        let coverage = try ExternalTool.run("gdalinfo", [out + "/coverage.tif"]).stdout
        #expect(coverage.contains("no service (blank): below the threshold") && coverage.contains("strong: 20 dB or more above (indoor)"))
        // signal = margin + the best server's threshold: where the 2G tower serves best, the
        // class boundaries sit at −100, −90, −80 dBm; for the 4G tower at −105, −95, −85.
        let s = try RasterReader.read(path: out + "/signal_dbm.tif")
        let b = try RasterReader.read(path: out + "/best_server.tif")
        let c = try RasterReader.read(path: out + "/coverage.tif")
        var checked = 0
        for i in s.values.indices where !s.values[i].isNaN {
            let threshold: Float = b.values[i] == 1 ? -100 : -105
            let margin = s.values[i] - threshold
            let expected: Float = margin < 0 ? 0 : (margin < 10 ? 1 : (margin < 20 ? 2 : 3))
            if abs(margin) > 1e-3 && abs(margin - 10) > 1e-3 && abs(margin - 20) > 1e-3 { #expect(c.values[i] == expected) }
            checked += 1
        }
        #expect(checked > 10_000)
        let table = try CSVTable(text: String(contentsOfFile: out + "/towers.csv", encoding: .utf8), file: "towers.csv")
        let tech = table.column(["technology"])!, threshold = table.column(["threshold_dbm"])!, status = table.column(["status"])!
        let used = table.rows.filter { $0.fields[status] == "used" }.map { "\($0.fields[tech]) \($0.fields[threshold])" }
        #expect(used.contains("4G -105") && used.contains("2G -100"))
    }

    @Test func modelDomainIsEnforcedPerTower() throws {
        let dir = TemporaryDirectory()
        let towers = Self.towersFile(in: dir, ["a,-71.3,44.3,30,2600"], header: "id,lon,lat,height_m,frequency_mhz")
        try expectFailure(["--dem", Self.tile, "--towers", towers, "--model", "hata", "--radius-km", "5"], in: dir,
                          mentions: ["tower 'a'", "frequency_mhz", "150–2000 MHz"])
        let hf = Self.towersFile(in: dir, ["b,-71.3,44.3,30,10"], header: "id,lon,lat,height_m,frequency_mhz")
        try expectFailure(["--dem", Self.tile, "--towers", hf, "--model", "itm", "--radius-km", "5"], in: dir,
                          mentions: ["tower 'b'", "frequency_mhz", "20–20000 MHz"])
    }

    // MARK: bad input: one clear line, non-zero exit, no output folder

    func expectFailure(_ args: [String], in dir: TemporaryDirectory, mentions: [String]) throws {
        let out = dir.file("out")
        let r = try ExternalTool.run(ExternalTool.blankspot, ["coverage", "--out", out] + args)
        #expect(r.status != 0)
        for m in mentions { #expect(r.stderr.contains(m), "stderr should mention '\(m)': \(r.stderr)") }
        #expect(!FileManager.default.fileExists(atPath: out), "no output folder after a failure")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix(".out") }
        #expect(leftovers.isEmpty, "no staging folder left: \(leftovers)")
    }

    @Test func missingDEM() throws {
        let dir = TemporaryDirectory()
        let towers = Self.towersFile(in: dir, ["a,-71.3,44.3,30"])
        try expectFailure(["--dem", dir.file("nope.tif"), "--towers", towers], in: dir, mentions: [dir.file("nope.tif"), "no such file"])
    }

    @Test func badNumberInTowerCSV() throws {
        let dir = TemporaryDirectory()
        let towers = Self.towersFile(in: dir, ["a,-71.3,44.3,30", "b,-71.2,44.2,3O"])
        try expectFailure(["--dem", Self.tile, "--towers", towers], in: dir, mentions: [towers, "line 3", "height_m", "'3O'"])
    }

    @Test func demWithoutCRS() throws {
        let dir = TemporaryDirectory()
        let dem = dir.file("plain.asc")
        try "ncols 3\nnrows 3\nxllcorner 0\nyllcorner 0\ncellsize 1\n1 2 3\n4 5 6\n7 8 9\n".write(toFile: dem, atomically: true, encoding: .utf8)
        let towers = Self.towersFile(in: dir, ["a,-71.3,44.3,30"])
        try expectFailure(["--dem", dem, "--towers", towers], in: dir, mentions: [dem, "no coordinate reference system"])
    }

    @Test func allTowersOutsideTerrain() throws {
        let dir = TemporaryDirectory()
        let towers = Self.towersFile(in: dir, ["banjarmasin,114.59,-3.32,30", "martapura,114.85,-3.41,30"])
        try expectFailure(["--dem", Self.tile, "--towers", towers], in: dir, mentions: ["outside"])
    }

    @Test func nonPositiveRadius() throws {
        let dir = TemporaryDirectory()
        let towers = Self.towersFile(in: dir, ["a,-71.3,44.3,30"])
        try expectFailure(["--dem", Self.tile, "--towers", towers, "--radius-km", "0"], in: dir, mentions: ["--radius-km", "0.1 to 500 km"])
    }

    @Test func existingOutputIsNotOverwrittenWithoutFlag() throws {
        let dir = TemporaryDirectory()
        let towers = Self.towersFile(in: dir, ["a,-71.3,44.3,30"])
        let out = dir.file("out")
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: false)
        let r = try ExternalTool.run(ExternalTool.blankspot, ["coverage", "--dem", Self.tile, "--towers", towers, "--out", out])
        #expect(r.status != 0 && r.stderr.contains("already exists"))
        let again = try ExternalTool.run(ExternalTool.blankspot, ["coverage", "--dem", Self.tile, "--towers", towers, "--out", out, "--overwrite", "--radius-km", "5"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(FileManager.default.fileExists(atPath: out + "/coverage.tif"))
    }

    /// A tower outside the DEM is reported by id and skipped; the others run.
    @Test func towerOutsideTerrainIsSkippedByID() throws {
        let dir = TemporaryDirectory()
        let towers = Self.towersFile(in: dir, ["inside,-71.3,44.3,30", "faraway,114.59,-3.32,30"])
        let out = dir.file("out")
        let r = try ExternalTool.run(ExternalTool.blankspot, ["coverage", "--dem", Self.tile, "--towers", towers, "--out", out, "--radius-km", "5"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("tower 'faraway'") && r.stderr.contains("skipped"))
        let table = try String(contentsOfFile: out + "/towers.csv", encoding: .utf8)
        #expect(table.contains("faraway") && table.contains("skipped: outside the terrain"))
    }

    /// A GeoJSON point layer in another CRS (UTM 19N) works as a tower list.
    @Test func geoJSONPointLayer() throws {
        let dir = TemporaryDirectory()
        let path = dir.file("towers.geojson")
        try """
        {"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::32619"}},
         "features":[{"type":"Feature","properties":{"id":"g1","height_m":35},"geometry":{"type":"Point","coordinates":[316400,4904400]}}]}
        """.write(toFile: path, atomically: true, encoding: .utf8)
        let out = dir.file("out")
        let r = try ExternalTool.run(ExternalTool.blankspot, ["coverage", "--dem", Self.tile, "--towers", path, "--out", out, "--radius-km", "5"])
        #expect(r.status == 0, "\(r.stderr)")
        let table = try String(contentsOfFile: out + "/towers.csv", encoding: .utf8)
        #expect(table.contains(",g1,-71.30"))
        #expect(table.contains(",35,"))
    }

    /// Help asked for in each of the three ways prints the usage and exits with 0.
    @Test(arguments: [["--help"], ["coverage", "--help"], ["help", "coverage"], ["demo", "-h"]])
    func helpIsPrinted(_ args: [String]) throws {
        let r = try ExternalTool.run(ExternalTool.blankspot, args)
        #expect(r.status == 0, "\(args): \(r.stderr)")
        #expect(r.stdout.contains("USAGE:") && !r.stderr.contains("error"), "\(args): \(r.stdout.prefix(200)) \(r.stderr)")
    }
}
