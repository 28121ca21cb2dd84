import BlankSpotCore
import BlankSpotGDAL
import Foundation
import Testing
import TestSupport

@Suite struct GeoTIFFWriterTests {
    /// What `gdalinfo -json` (an independent reader) sees in a written product.
    @Test func writtenGeoTIFFCarriesCRSNodataOverviewsAndDescriptions() throws {
        let crs = try AnalysisCRS(userInput: "EPSG:32750")
        let grid = GridGeometry(originXM: 300_000, originYM: 9_700_000, cellSizeM: 30, width: 1500, height: 1100, crsWKT: crs.wkt)
        let values = GridBuffer<Float>(count: grid.cellCount, repeating: -95.5)
        values[0] = -9999
        let product = RasterProduct(
            pixels: .float32(values), description: "best signal", unit: "dBm", nodata: -9999,
            overviewResampling: .average, bandMetadata: ["QUANTITY": "RSRP"], datasetMetadata: ["BLANKSPOT_MODEL": "test"])
        let dir = TemporaryDirectory()
        let path = dir.file("signal.tif")
        try GeoTIFFWriter.write(product, grid: grid, to: path)
        let r = try ExternalTool.run("gdalinfo", ["-json", path])
        #expect(r.status == 0)
        let info = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        let wkt = (info["coordinateSystem"] as! [String: Any])["wkt"] as! String
        #expect(wkt.contains("UTM zone 50S"))
        #expect(info["size"] as! [Int] == [1500, 1100])
        let gt = info["geoTransform"] as! [Double]
        #expect(gt == [300_000, 30, 0, 9_700_000, 0, -30])
        let band = (info["bands"] as! [[String: Any]])[0]
        #expect(band["type"] as? String == "Float32")
        #expect(band["noDataValue"] as? Double == -9999)
        #expect(band["description"] as? String == "best signal")
        #expect(band["unit"] as? String == "dBm")
        #expect((band["overviews"] as? [Any])?.isEmpty == false)
        #expect(band["block"] as? [Int] == [512, 512])
        let md = ((info["metadata"] as! [String: Any])[""] as! [String: String])
        #expect(md["BLANKSPOT_MODEL"] == "test")
        let structure = ((info["metadata"] as! [String: Any])["IMAGE_STRUCTURE"] as! [String: String])
        #expect(structure["COMPRESSION"] == "DEFLATE")
        // Read back through GDAL: values survive.
        let back = try RasterReader.read(path: path)
        #expect(back.values[1] == -95.5 && back.values[0].isNaN)
    }
}
