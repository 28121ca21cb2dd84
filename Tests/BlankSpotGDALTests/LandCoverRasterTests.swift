import BlankSpotCore
import BlankSpotGDAL
import Foundation
import Testing
import TestSupport

/// The land cover put onto the analysis grid keeps class codes: on the real Bungo map, our
/// warp equals `gdalwarp -r mode` onto the same grid cell for cell (same GDAL underneath: a
/// difference would be a grid, nodata or resampling mistake), and every code it gives is one of
/// the map's classes, never an average of two.
@Suite struct LandCoverRasterTests {
    static let bungo = Fixtures.root.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("data/bungo").path

    /// The class at points along a `profile` path: at 40 seeded points over the regency (and
    /// 2 outside the map), the code of the pixel each point falls in, as `gdallocationinfo
    /// -wgs84` reads it (128 is the map's nodata value).
    @Test func pointSamplesMatchGdallocationinfo() throws {
        let path = Self.bungo + "/bungo_landcover_2010r.tif"
        var rng = SplitMix64(seed: 1812)
        var lons: [Double] = [], lats: [Double] = []
        for _ in 0..<40 {
            lons.append(101.85 + 0.5 * rng.nextUnit())
            lats.append(-1.75 + 0.45 * rng.nextUnit())
        }
        lons += [100.0, 103.5]
        lats += [-1.5, -1.5]
        let codes = try LandCoverRaster.sample(paths: [path], lonDeg: lons, latDeg: lats)
        var compared = 0
        for i in lons.indices {
            let r = try ExternalTool.run("gdallocationinfo", ["-valonly", "-wgs84", path, "\(lons[i])", "\(lats[i])"])
            let text = r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
            if let v = Int32(text) {
                #expect(codes[i] == v || (codes[i] == LandCoverRaster.noData && v == 128), "point \(i): \(codes[i]), gdallocationinfo \(v)")
                compared += 1
            } else {
                #expect(codes[i] == LandCoverRaster.noData, "point \(i) off the map: \(codes[i])")
            }
        }
        #expect(compared >= 30)
        #expect(codes[40] == LandCoverRaster.noData && codes[41] == LandCoverRaster.noData)
    }

    @Test func modeWarpOfBungoMatchesGdalwarp() throws {
        let crs = try AnalysisCRS(userInput: "EPSG:32748")
        // 150 m cells over the middle of the regency: each cell mixes about two source pixels.
        let grid = AnalysisGridPlanner.alignedGrid(covering: ProjectedExtent(minXM: 150_000, minYM: 9_810_000, maxXM: 190_000, maxYM: 9_850_000),
                                                   cellSizeM: 150, crsWKT: crs.wkt)
        let path = Self.bungo + "/bungo_landcover_2010r.tif"
        let classes = try LandCoverRaster.load(paths: [path], onto: grid, threads: 2)
        let dir = TemporaryDirectory()
        let ref = dir.file("ref.tif")
        let r = try ExternalTool.run("gdalwarp", [
            "-q", "-t_srs", "EPSG:32748", "-te", "\(grid.originXM)", "\(grid.minYM)", "\(grid.maxXM)", "\(grid.originYM)",
            "-tr", "150", "150", "-r", "mode", "-ot", "Int32", "-dstnodata", "-1", path, ref,
        ])
        #expect(r.status == 0, "\(r.stderr)")
        let expected = try RasterReader.read(path: ref)
        #expect(expected.grid.width == grid.width && expected.grid.height == grid.height)
        var same = 0, valid = 0
        let known: Set<Int32> = [1, 2, 3, 10, 12, 14, 16, 17, 19, 20, 21, 23, 24, 25, 42]
        for i in 0..<grid.cellCount {
            let e = expected.values[i].isNaN ? LandCoverRaster.noData : Int32(expected.values[i])
            if classes[i] == e { same += 1 }
            if classes[i] != LandCoverRaster.noData {
                valid += 1
                #expect(known.contains(classes[i]), "cell \(i): code \(classes[i]) is not a class of the map")
            }
        }
        #expect(same == grid.cellCount, "\(grid.cellCount - same) cells differ from gdalwarp -r mode")
        #expect(valid > grid.cellCount / 2, "most of the window lies inside the regency")
    }

    @Test func continuousRasterIsRefused() throws {
        let crs = try AnalysisCRS(userInput: "EPSG:32748")
        let grid = AnalysisGridPlanner.alignedGrid(covering: ProjectedExtent(minXM: 150_000, minYM: 9_810_000, maxXM: 151_000, maxYM: 9_811_000),
                                                   cellSizeM: 100, crsWKT: crs.wkt)
        #expect {
            _ = try LandCoverRaster.load(paths: [Self.bungo + "/bungo_elev_srtm.tif"], onto: grid)
        } throws: { ($0 as? InputError)?.message.contains("class codes") == true }
    }
}
