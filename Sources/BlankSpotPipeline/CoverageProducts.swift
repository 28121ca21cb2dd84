import BlankSpotCore
import BlankSpotGDAL

/// Turns the engine's grids into the rasters of DESIGN.md §5.
enum CoverageProducts {
    static let noTerrainClass: UInt8 = 255

    /// Line-of-sight products: server_count, coverage (0 none / 1 visible), best_server
    /// (nearest visible tower).
    static func lineOfSight(_ grids: CoverageGrids, terrain: TerrainRaster,
                            metadata: [String: String]) -> [(file: String, product: RasterProduct)] {
        let n = grids.grid.cellCount
        let count = grids.serverCount.copy()
        let classes = GridBuffer<UInt8>(count: n, repeating: 0)
        let best = grids.bestIndex.copy()
        for i in 0..<n {
            if terrain.heightsM[i].isNaN {
                count[i] = .max
                classes[i] = noTerrainClass
                best[i] = -1
            } else {
                classes[i] = count[i] > 0 ? 1 : 0
            }
        }
        return [
            ("server_count.tif", RasterProduct(
                pixels: .uint16(count), description: "towers with line of sight", unit: "count",
                nodata: Double(UInt16.max), overviewResampling: .nearest,
                bandMetadata: ["MEANING": "number of towers whose antenna sees a receiver at rx_height_m above the ground of the cell"],
                datasetMetadata: metadata)),
            ("coverage.tif", RasterProduct(
                pixels: .byte(classes), description: "line-of-sight coverage class", unit: "",
                nodata: Double(noTerrainClass), overviewResampling: .mode,
                bandMetadata: ["CLASS_0": "no line of sight to any tower (blank)", "CLASS_1": "line of sight to at least one tower"],
                datasetMetadata: metadata,
                colorTable: [
                    .init(value: 0, rgba: (215, 48, 39, 255)),
                    .init(value: 1, rgba: (26, 152, 80, 255)),
                ],
                categoryNames: ["no line of sight (blank)", "visible from a tower"])),
            ("best_server.tif", RasterProduct(
                pixels: .int32(best), description: "nearest tower with line of sight (row in towers.csv)", unit: "tower index",
                nodata: -1, overviewResampling: .nearest,
                bandMetadata: ["MEANING": "0-based index into towers.csv of the nearest visible tower; -1 = none (also nodata)"],
                datasetMetadata: metadata)),
        ]
    }
}
