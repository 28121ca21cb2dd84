import BlankSpotCore
import BlankSpotGDAL

/// Turns the engine's grids into the rasters of DESIGN.md §5.
enum CoverageProducts {
    static let noTerrainClass: UInt8 = 255

    /// best_server's pixels: Int16 when every tower index fits (at most 32,767 towers, a
    /// province's worth), which halves what has to be compressed and stored; Int32 beyond.
    /// −1 (none, and nodata) either way.
    static func bestServerPixels(_ g: GridPointers, towerCount: Int, threads: Int) -> RasterProduct.Pixels {
        let h = g.heights, best = g.bestTower
        if towerCount <= Int(Int16.max) {
            return .int16(GridBuffer<Int16>(count: h.count, threads: threads) { range, out in
                for i in range { out[i] = h[i].isNaN ? -1 : Int16(truncatingIfNeeded: best[i] &- 1) }
            })
        }
        return .int32(GridBuffer<Int32>(count: h.count, threads: threads) { range, out in
            for i in range { out[i] = h[i].isNaN ? -1 : best[i] &- 1 }
        })
    }

    /// server_count's pixels and nodata: Byte (nodata 255) when no cell can count more than 254
    /// towers, which halves what has to be compressed; UInt16 (nodata 65535, counts capped at
    /// 65,534) beyond. Nodata where there is no terrain.
    static func serverCountPixels(_ g: GridPointers, towerCount: Int, threads: Int) -> (RasterProduct.Pixels, Double) {
        let h = g.heights, servers = g.serverCount
        if towerCount < Int(UInt8.max) {
            return (.byte(GridBuffer<UInt8>(count: h.count, threads: threads) { range, out in
                for i in range { out[i] = h[i].isNaN ? .max : UInt8(truncatingIfNeeded: servers[i]) }
            }), Double(UInt8.max))
        }
        return (.uint16(GridBuffer<UInt16>(count: h.count, threads: threads) { range, out in
            for i in range { out[i] = h[i].isNaN ? .max : min(servers[i], .max - 1) }
        }), Double(UInt16.max))
    }

    /// The terrain heights and the engine's grids as plain buffers, so that the per-pixel loops
    /// index memory directly. Valid only inside ``withGridPointers(_:_:_:)``.
    struct GridPointers {
        let heights: UnsafeBufferPointer<Float>
        let serverCount: UnsafeBufferPointer<UInt16>
        /// 1 + tower row, 0 = none (``CoverageGrids/bestTower``).
        let bestTower: UnsafeBufferPointer<Int32>
        /// Empty for line of sight.
        let bestMargin: UnsafeBufferPointer<Float>
    }

    static func withGridPointers<R>(_ grids: CoverageGrids, _ terrain: TerrainRaster, _ body: (GridPointers) -> R) -> R {
        terrain.heightsM.withUnsafeBufferPointer { h in
            grids.serverCount.withUnsafeBufferPointer { servers in
                grids.bestTower.withUnsafeBufferPointer { best in
                    guard let margins = grids.bestValue else {
                        return body(GridPointers(heights: h, serverCount: servers, bestTower: best, bestMargin: UnsafeBufferPointer(start: nil, count: 0)))
                    }
                    return margins.withUnsafeBufferPointer {
                        body(GridPointers(heights: h, serverCount: servers, bestTower: best, bestMargin: $0))
                    }
                }
            }
        }
    }

    /// Line-of-sight products: server_count, coverage (0 none / 1 visible), best_server
    /// (nearest visible tower).
    static func lineOfSight(_ grids: CoverageGrids, terrain: TerrainRaster, towerCount: Int,
                            metadata: [String: String], threads: Int) -> [(file: String, product: RasterProduct)] {
        let (count, countNodata, classes, best) = withGridPointers(grids, terrain) { g in
            let h = g.heights, servers = g.serverCount
            let (count, countNodata) = serverCountPixels(g, towerCount: towerCount, threads: threads)
            let classes = GridBuffer<UInt8>(count: h.count, threads: threads) { range, out in
                for i in range { out[i] = h[i].isNaN ? noTerrainClass : (servers[i] > 0 ? 1 : 0) }
            }
            return (count, countNodata, classes, bestServerPixels(g, towerCount: towerCount, threads: threads))
        }
        return [
            ("server_count.tif", RasterProduct(
                pixels: count, description: "towers with line of sight", unit: "count",
                nodata: countNodata, overviewResampling: .nearest,
                bandMetadata: ["MEANING": "number of towers whose antenna sees a receiver at rx_height_m above the ground of the cell"],
                datasetMetadata: metadata)),
            ("coverage.tif", RasterProduct(
                pixels: .byte(classes), description: "line-of-sight coverage class", unit: "",
                nodata: Double(noTerrainClass), overviewResampling: .mode,
                bandMetadata: ["CLASS_0": "no line of sight to any tower (blank)", "CLASS_1": "line of sight to at least one tower"],
                datasetMetadata: metadata,
                colorTable: colourTable(Palette.lineOfSightClasses),
                categoryNames: ["no line of sight (blank)", "visible from a tower"])),
            ("best_server.tif", RasterProduct(
                pixels: best, description: "nearest tower with line of sight (row in towers.csv)", unit: "tower index",
                nodata: -1, overviewResampling: .nearest,
                bandMetadata: ["MEANING": "0-based index into towers.csv of the nearest visible tower; -1 = none (also nodata)"],
                datasetMetadata: metadata)),
        ]
    }

    /// Service classes of coverage.tif for signal models: the best server's margin over its
    /// technology threshold. 10 dB steps stand for the extra loss of being in a vehicle or
    /// behind a wall (vehicle penetration is commonly taken as 6–10 dB; ITU-R P.2109 gives
    /// median building entry losses of roughly 10–20 dB for traditional buildings at 1–2 GHz).
    static let classNames = [
        "no service (blank): below the threshold",
        "marginal: 0–10 dB above the threshold (outdoor)",
        "good: 10–20 dB above (in vehicles, light indoor)",
        "strong: 20 dB or more above (indoor)",
    ]
    static let classColors = colourTable(Palette.serviceClasses)

    /// Colour-table entries 0, 1, … of `colours`.
    static func colourTable(_ colours: [RGBColour]) -> [RasterProduct.ColorEntry] {
        colours.enumerated().map { .init(value: $0.offset, rgba: ($0.element.red, $0.element.green, $0.element.blue, 255)) }
    }
    static let signalNodata: Float = -9999

    /// The class of a margin (dB over the threshold).
    @inline(__always)
    static func serviceClass(marginDB m: Float) -> UInt8 {
        m < 0 ? 0 : (m < 10 ? 1 : (m < 20 ? 2 : 3))
    }

    /// Signal products: signal_dbm (best server's received power), best_server (largest margin),
    /// server_count (towers at or above their threshold), coverage (service classes).
    static func signal(_ grids: CoverageGrids, terrain: TerrainRaster, thresholdDBmByTower: [Float],
                       metadata: [String: String], threads: Int) -> [(file: String, product: RasterProduct)] {
        precondition(grids.bestValue != nil, "signal models keep a best value per cell")
        let (count, classes, best, signal) = withGridPointers(grids, terrain) { g in
            // No terrain: nodata everywhere; no tower reaches (best −1): signal nodata, class 0.
            let h = g.heights, bestTower = g.bestTower, margins = g.bestMargin
            return thresholdDBmByTower.withUnsafeBufferPointer { thresholds in
                (serverCountPixels(g, towerCount: thresholds.count, threads: threads),
                 GridBuffer<UInt8>(count: h.count, threads: threads) { range, out in
                     for i in range { out[i] = h[i].isNaN ? noTerrainClass : (bestTower[i] == 0 ? 0 : serviceClass(marginDB: margins[i])) }
                 },
                 bestServerPixels(g, towerCount: thresholds.count, threads: threads),
                 GridBuffer<Float>(count: h.count, threads: threads) { range, out in
                     for i in range {
                         let b = bestTower[i]
                         out[i] = h[i].isNaN || b == 0 ? signalNodata : margins[i] + thresholds[Int(b) - 1]
                     }
                 })
            }
        }
        return [
            ("signal_dbm.tif", RasterProduct(
                pixels: .float32(signal), description: "best received signal", unit: "dBm",
                nodata: Double(signalNodata), overviewResampling: .average,
                bandMetadata: ["MEANING": "received power of the best server (largest margin over its technology threshold): 2G BCCH RxLev, 3G CPICH RSCP, 4G RSRP, 5G SS-RSRP; nodata where no tower reaches"],
                datasetMetadata: metadata)),
            ("best_server.tif", RasterProduct(
                pixels: best, description: "best server (row in towers.csv)", unit: "tower index",
                nodata: -1, overviewResampling: .nearest,
                bandMetadata: ["MEANING": "0-based index into towers.csv of the tower with the largest margin over its threshold; -1 = none (also nodata)"],
                datasetMetadata: metadata)),
            ("server_count.tif", RasterProduct(
                pixels: count.0, description: "towers at or above their threshold", unit: "count",
                nodata: count.1, overviewResampling: .nearest,
                bandMetadata: ["MEANING": "number of towers whose received signal reaches their technology's threshold"],
                datasetMetadata: metadata)),
            ("coverage.tif", RasterProduct(
                pixels: .byte(classes), description: "service class", unit: "",
                nodata: Double(noTerrainClass), overviewResampling: .mode,
                bandMetadata: Dictionary(uniqueKeysWithValues: classNames.enumerated().map { ("CLASS_\($0.offset)", $0.element) }),
                datasetMetadata: metadata, colorTable: classColors, categoryNames: classNames)),
        ]
    }
}
