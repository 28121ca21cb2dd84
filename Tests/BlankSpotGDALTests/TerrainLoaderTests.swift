import BlankSpotCore
import BlankSpotGDAL
import Foundation
import Testing
import TestSupport

@Suite struct TerrainLoaderTests {
    /// Mount Washington area in UTM 19N.
    static let area = ProjectedExtent(minXM: 300_000, minYM: 4_880_000, maxXM: 330_000, maxYM: 4_910_000)

    /// Our one warp onto the analysis grid equals `gdalwarp -r bilinear` onto the same grid
    /// (same GDAL underneath: any difference would be a grid or option mistake). Tolerance
    /// 1e-3 m: both are Float32 bilinear results of the same samples.
    @Test func warpOfZippedSRTMMatchesGdalwarp() throws {
        let crs = try AnalysisCRS(userInput: "EPSG:32619")
        let (terrain, report) = try TerrainLoader.load(demPaths: [Fixtures.whiteMountainsTile], crs: crs, area: Self.area, resolutionM: 90)
        #expect(report.method.hasPrefix("warped"))
        let g = terrain.grid
        #expect(g.cellSizeM == 90)
        // Cell edges on multiples of 90 m around the requested area.
        #expect(g.originXM == 299_970 && g.originYM == 4_910_040 && g.width == 334 && g.height == 334)
        let dir = TemporaryDirectory()
        let ref = dir.file("ref.tif")
        let r = try ExternalTool.run("gdalwarp", [
            "-q", "-t_srs", "EPSG:32619", "-te", "\(g.originXM)", "\(g.minYM)", "\(g.maxXM)", "\(g.originYM)",
            "-tr", "90", "90", "-r", "bilinear", "-ot", "Float32", "-dstnodata", "nan",
            "/vsizip/\(Fixtures.whiteMountainsTile)/N44W072.hgt", ref,
        ])
        #expect(r.status == 0, "\(r.stderr)")
        let expected = try RasterReader.read(path: ref)
        #expect(expected.grid.width == g.width && expected.grid.height == g.height)
        var worst = 0.0
        for i in 0..<g.cellCount {
            let a = Double(terrain.heightsM[i]), b = Double(expected.values[i])
            #expect(a.isNaN == b.isNaN)
            if !a.isNaN { worst = max(worst, abs(a - b)) }
        }
        #expect(worst <= 1e-3)
        // The tile's documented range is 115…1908 m; bilinear values stay inside it.
        let valid = terrain.heightsM.filter { !$0.isNaN }
        #expect(valid.count == g.cellCount)
        #expect(valid.min()! >= 115 && valid.max()! <= 1908)
    }

    /// A 1-arc-second tile in a .hgt.gz (through /vsigzip/): documented range −3…146 m.
    @Test func readsGzippedOneArcSecondTile() throws {
        let crs = try AnalysisCRS(userInput: "EPSG:32720")   // UTM 20S, for 66–65° W
        let path = Fixtures.path("srtm1-S46W066-format-fixture/S46W066.hgt.gz")
        // The whole tile: 45–46° S, 66–65° W.
        let corners = crs.project(lonLat: [(-66, -46), (-65, -45)]).compactMap { $0 }
        let area = ProjectedExtent(points: corners, marginM: 0)!
        let (terrain, report) = try TerrainLoader.load(demPaths: [path], crs: crs, area: area, resolutionM: nil)
        // Native 1″ spacing at 45.5° S: ≈ 30.9 m north–south, 21.7 m east–west; geometric mean ≈ 25.9 m.
        #expect(abs(report.cellSizeM - 25.9) < 0.2)
        #expect(report.sources.first?.driver == "SRTMHGT")
        let valid = terrain.heightsM.filter { !$0.isNaN }
        #expect(valid.count > terrain.grid.cellCount / 2)
        #expect(valid.min()! >= -3 && valid.max()! <= 146)
    }

    /// Several DEM files are mosaicked: two halves of the tile give the same heights as the whole.
    @Test func mosaicOfTwoHalvesEqualsWholeTile() throws {
        let dir = TemporaryDirectory()
        let src = "/vsizip/\(Fixtures.whiteMountainsTile)/N44W072.hgt"
        for (name, window) in [("west.tif", ["0", "0", "601", "1201"]), ("east.tif", ["600", "0", "601", "1201"])] {
            let r = try ExternalTool.run("gdal_translate", ["-q", "-srcwin"] + window + [src, dir.file(name)])
            #expect(r.status == 0, "\(r.stderr)")
        }
        let crs = try AnalysisCRS(userInput: "EPSG:32619")
        let (whole, _) = try TerrainLoader.load(demPaths: [Fixtures.whiteMountainsTile], crs: crs, area: Self.area, resolutionM: 90)
        let (mosaic, _) = try TerrainLoader.load(demPaths: [dir.file("west.tif"), dir.file("east.tif")], crs: crs, area: Self.area, resolutionM: 90)
        #expect(whole.grid == mosaic.grid)
        var worst: Float = 0
        for i in 0..<whole.grid.cellCount { worst = max(worst, abs(whole.heightsM[i] - mosaic.heightsM[i])) }
        #expect(worst <= 1e-3)
    }

    /// A DEM already in the analysis CRS at its own cell size is read, not warped, and its
    /// nodata cells stay nodata (never 0 m).
    @Test func projectedDEMIsReadDirectlyWithNodataKept() throws {
        let dir = TemporaryDirectory()
        var text = "ncols 6\nnrows 4\nxllcorner 500000\nyllcorner 9000000\ncellsize 30\nNODATA_value -9999\n"
        text += "10 11 12 13 14 15\n20 -9999 22 23 24 25\n30 31 32 -9999 34 35\n40 41 42 43 44 45\n"
        try text.write(toFile: dir.file("dem.asc"), atomically: true, encoding: .utf8)
        let r = try ExternalTool.run("gdal_translate", ["-q", "-a_srs", "EPSG:32750", dir.file("dem.asc"), dir.file("dem.tif")])
        #expect(r.status == 0, "\(r.stderr)")
        let crs = try AnalysisCRS(userInput: "EPSG:32750")
        let area = ProjectedExtent(minXM: 499_000, minYM: 8_999_000, maxXM: 501_000, maxYM: 9_001_000)
        let (terrain, report) = try TerrainLoader.load(demPaths: [dir.file("dem.tif")], crs: crs, area: area, resolutionM: nil)
        #expect(report.method.hasPrefix("read directly"))
        #expect(terrain.grid.width == 6 && terrain.grid.height == 4)
        #expect(terrain.grid.originXM == 500_000 && terrain.grid.originYM == 9_000_120)
        #expect(terrain.heightM(col: 0, row: 0) == 10)
        #expect(terrain.heightM(col: 1, row: 1).isNaN)
        #expect(terrain.heightM(col: 3, row: 2).isNaN)
        #expect(terrain.heightM(col: 5, row: 3) == 45)
        #expect(report.validCells == 22)
    }

    /// A raster without a CRS is refused with a message naming the file.
    @Test func demWithoutCRSIsRejected() throws {
        let dir = TemporaryDirectory()
        let path = dir.file("nocrs.asc")
        try "ncols 2\nnrows 2\nxllcorner 0\nyllcorner 0\ncellsize 1\n1 2\n3 4\n".write(toFile: path, atomically: true, encoding: .utf8)
        let crs = try AnalysisCRS(userInput: "EPSG:32750")
        #expect {
            _ = try TerrainLoader.load(demPaths: [path], crs: crs, area: Self.area, resolutionM: nil)
        } throws: { error in
            let text = "\(error)"
            return text.contains(path) && text.contains("no coordinate reference system")
        }
    }

    @Test func missingDEMIsRejected() throws {
        let crs = try AnalysisCRS(userInput: "EPSG:32750")
        #expect {
            _ = try TerrainLoader.load(demPaths: ["/nonexistent/dem.tif"], crs: crs, area: Self.area, resolutionM: nil)
        } throws: { "\($0)".contains("/nonexistent/dem.tif: no such file") }
    }
}
