import Foundation

/// What a ray may still meet ahead of it, for the automatic reach's proof
/// (``P1812RayModel/isSpent(beyondM:)``), for the receiver cells of one clutter-excess tier:
/// their highest ground, their lowest ground, and their lowest "clutter excess", i.e. how far
/// the surface (terrain + clutter) of any of a receiver's eight neighbours rises above the
/// receiver's own ground. The point of the profile next to a receiver on the exact grid line
/// lies between two of those neighbours, so its surface is at least the receiver's ground plus
/// that excess.
///
/// Receivers are split into tiers by their excess (``TerrainAheadTiers/upperBoundsM``) so that
/// the proof pairs each tier's excess with that tier's own highest ground: a receiver that
/// stands clear of its neighbours' clutter (a slope facing the tower) and one that stands high
/// are bounded together only when one cell is both.
public struct TerrainAhead: Sendable, Equatable {
    /// Upper bound of (ground + hr − hts)/d over the receivers ahead, m/km: how steeply the
    /// line from the transmitter rises to any of them (−∞: none).
    public var maxRiseSlope: Double
    /// Upper bound of the same on the flattened earth, (ground + hr − hts)/d − c·d with
    /// c = 500/ae, m/km (−∞: none).
    public var maxFlatRiseSlope: Double
    /// Lower bound of (ground + hr − hts)/d, m/km (+∞: none).
    public var minRiseSlope: Double
    /// Lowest clutter excess of a receiver cell ahead, m (−∞: unknown, e.g. next to no data).
    public var minExcessM: Double
}

/// The clutter-excess tiers of ``TerrainAhead``.
public enum TerrainAheadTiers {
    /// Upper bounds of the tiers' excess, m; the last tier is everything from the last bound
    /// up. A receiver on flat ground under R = 15 m trees has an excess of 15 m; one on a slope
    /// facing the tower, less (below 0 where its downhill neighbour's tree tops are lower than
    /// its own ground).
    public static let upperBoundsM: [Float] = [0, 3, 6, 9, 12]
    public static var count: Int { upperBoundsM.count + 1 }

    @inline(__always)
    static func tier(excessM: Float) -> Int {
        var t = 0
        while t < upperBoundsM.count && !(excessM < upperBoundsM[t]) { t += 1 }
        return excessM.isNaN || excessM == -.infinity ? 0 : t
    }
}

/// Per run: ``TerrainAhead`` bounds per tier over square blocks of `blockCells` cells, each
/// taken over the block and its eight neighbouring blocks, so that any point within one block
/// of a block's cells is covered by it.
public struct TerrainAheadBlocks: Sendable {
    public static let defaultBlockCells = 16
    public let blockCells: Int
    let blocksWide: Int
    let blocksHigh: Int
    /// Per block (row-major, `blocksWide × blocksHigh`) then per tier, over the 3 × 3 blocks
    /// around each.
    let maxGroundM: [Float]
    let minGroundM: [Float]
    let minExcessM: [Float]

    public init(terrain: TerrainRaster, blockCells: Int = TerrainAheadBlocks.defaultBlockCells, threads: Int) {
        let grid = terrain.grid
        let w = grid.width, h = grid.height, b = blockCells, tiers = TerrainAheadTiers.count
        self.blockCells = b
        blocksWide = (w + b - 1) / b
        blocksHigh = (h + b - 1) / b
        let bw = blocksWide, bh = blocksHigh
        var rawMax = [Float](repeating: -.infinity, count: bw * bh * tiers)
        var rawExcess = [Float](repeating: .infinity, count: bw * bh * tiers)
        var rawMin = [Float](repeating: .infinity, count: bw * bh * tiers)
        let heights = terrain.heightsM
        let surface = terrain.surfaceM ?? terrain.heightsM
        rawMax.withUnsafeMutableBufferPointer { maxOut in
          rawMin.withUnsafeMutableBufferPointer { minOut in
            rawExcess.withUnsafeMutableBufferPointer { excessOut in
                heights.withUnsafeBufferPointer { hp in
                    surface.withUnsafeBufferPointer { sp in
                        // One block row per item: each item writes its own slots.
                        ParallelLoop.run(count: bh, threads: threads) { by, _ in
                            for bx in 0..<bw {
                                let base = (by * bw + bx) * tiers
                                for r in (by * b)..<min(h, (by + 1) * b) {
                                    for c in (bx * b)..<min(w, (bx + 1) * b) {
                                        let g = hp[r * w + c]
                                        if g.isNaN { continue }
                                        // Neighbours off the grid or without data: no bound.
                                        var lowest = Float.infinity
                                        if r > 0, c > 0, r < h - 1, c < w - 1 {
                                            for dr in -1...1 {
                                                for dc in -1...1 where dr != 0 || dc != 0 {
                                                    let s = sp[(r + dr) * w + c + dc]
                                                    lowest = s.isNaN ? -.infinity : min(lowest, s)
                                                    if lowest == -.infinity { break }
                                                }
                                            }
                                        } else {
                                            lowest = -.infinity
                                        }
                                        let excess = lowest - g
                                        let i = base + TerrainAheadTiers.tier(excessM: excess)
                                        maxOut[i] = max(maxOut[i], g)
                                        minOut[i] = min(minOut[i], g)
                                        excessOut[i] = min(excessOut[i], excess)
                                    }
                                }
                            }
                        }
                    }
                }
            }
          }
        }
        var dilatedMax = rawMax, dilatedMin = rawMin, dilatedExcess = rawExcess
        for by in 0..<bh {
            for bx in 0..<bw {
                for t in 0..<tiers {
                    var top = -Float.infinity, bottom = Float.infinity, excess = Float.infinity
                    for y in max(0, by - 1)...min(bh - 1, by + 1) {
                        for x in max(0, bx - 1)...min(bw - 1, bx + 1) {
                            let i = (y * bw + x) * tiers + t
                            top = max(top, rawMax[i])
                            bottom = min(bottom, rawMin[i])
                            excess = min(excess, rawExcess[i])
                        }
                    }
                    let i = (by * bw + bx) * tiers + t
                    dilatedMax[i] = top
                    dilatedMin[i] = bottom
                    dilatedExcess[i] = excess
                }
            }
        }
        maxGroundM = dilatedMax
        minGroundM = dilatedMin
        minExcessM = dilatedExcess
    }

    /// The index of the dilated block at grid position (`col`, `row`), which may lie off the
    /// grid (nil: no cells there, nothing ahead).
    func block(col: Double, row: Double) -> Int? {
        let bx = Int((col / Double(blockCells)).rounded(.down)), by = Int((row / Double(blockCells)).rounded(.down))
        guard bx >= -1, by >= -1, bx <= blocksWide, by <= blocksHigh else { return nil }
        // A point just off the grid may still be within one block of cells on it.
        let x = min(max(bx, 0), blocksWide - 1), y = min(max(by, 0), blocksHigh - 1)
        return y * blocksWide + x
    }
}

/// Per tower: ``TerrainAhead`` per tier for every direction and distance out to `outerCells`,
/// in sectors and rings of one block. Sector k holds, for ring j, the bounds over all rings
/// from j outwards, each ring's taken from the dilated block at the middle of the ring on the
/// sector's centre line. A cell within a ray's half cell, in the ray's sector and ring, lies
/// within one block (Chebyshev) of that sample, because the sector is at most one block wide
/// at `outerCells` and the ring one block deep; so the dilated block there covers it. Its
/// distance from the tower lies between the ring's edges (give or take a cell), which turns
/// the block's heights into the slopes of ``TerrainAhead``.
public struct TerrainAheadTable: Sendable {
    let sectors: Int
    let rings: Int
    let ringCells: Double
    /// `sectors × rings × tiers`, suffix bounds over rings.
    let maxRiseSlope: [Float]
    let maxFlatRiseSlope: [Float]
    let minRiseSlope: [Float]
    let minExcessM: [Float]

    /// - Parameters:
    ///   - txAltitudeM: the transmitting antenna's altitude hts, m.
    ///   - rxHeightM: the receiver's height above ground hr, m.
    ///   - curvaturePerKm: c = 500/ae of the flattened earth, m/km².
    public init(blocks: TerrainAheadBlocks, site: GridSite, outerCells: Double, cellSizeM: Double, txAltitudeM: Double, rxHeightM: Double,
                curvaturePerKm: Double) {
        let b = Double(blocks.blockCells), tiers = TerrainAheadTiers.count
        let cellKm = cellSizeM / 1000
        ringCells = b
        rings = max(1, Int((outerCells / b).rounded(.up)) + 1)
        sectors = max(8, Int((2 * Double.pi * outerCells / b).rounded(.up)))
        let count = sectors * rings * tiers
        var maxRise = [Float](repeating: -.infinity, count: count), maxFlatRise = maxRise
        var minRise = [Float](repeating: .infinity, count: count), minE = minRise
        let col0 = Double(site.col) + 0.5, row0 = Double(site.row) + 0.5
        var top = [Double](repeating: 0, count: tiers), flatTop = top, bottom = top, excess = top
        for k in 0..<sectors {
            let angle = (Double(k) + 0.5) / Double(sectors) * 2 * Double.pi - Double.pi
            let dx = cos(angle), dy = sin(angle)
            for t in 0..<tiers { top[t] = -.infinity; flatTop[t] = -.infinity; bottom[t] = .infinity; excess[t] = .infinity }
            for j in stride(from: rings - 1, through: 0, by: -1) {
                let r = (Double(j) + 0.5) * b
                // The ray's cells in ring j, give or take a cell for the half-cell corridor.
                let nearKm = max(1, Double(j) * b - 1) * cellKm, farKm = (Double(j + 1) * b + 1) * cellKm
                let out = (k * rings + j) * tiers
                if let block = blocks.block(col: col0 + dx * r, row: row0 + dy * r) {
                    for t in 0..<tiers {
                        let high = Double(blocks.maxGroundM[block * tiers + t]), low = Double(blocks.minGroundM[block * tiers + t])
                        guard high > -.infinity else { continue }
                        let riseHigh = high + rxHeightM - txAltitudeM, riseLow = low + rxHeightM - txAltitudeM
                        let upper = riseHigh / (riseHigh > 0 ? nearKm : farKm)
                        top[t] = max(top[t], upper)
                        flatTop[t] = max(flatTop[t], upper - curvaturePerKm * nearKm)
                        bottom[t] = min(bottom[t], riseLow / (riseLow > 0 ? farKm : nearKm))
                        excess[t] = min(excess[t], Double(blocks.minExcessM[block * tiers + t]))
                    }
                }
                for t in 0..<tiers {
                    // Rounded outwards to Float.
                    maxRise[out + t] = top[t].isFinite ? Float(top[t]).nextUp : Float(top[t])
                    maxFlatRise[out + t] = flatTop[t].isFinite ? Float(flatTop[t]).nextUp : Float(flatTop[t])
                    minRise[out + t] = bottom[t].isFinite ? Float(bottom[t]).nextDown : Float(bottom[t])
                    minE[out + t] = Float(excess[t])
                }
            }
        }
        maxRiseSlope = maxRise
        maxFlatRiseSlope = maxFlatRise
        minRiseSlope = minRise
        minExcessM = minE
    }

    /// The sector of a ray heading (`dCol`, `dRow`) from the tower.
    @inline(__always)
    func sector(dCol: Double, dRow: Double) -> Int {
        let angle = atan2(dRow, dCol)
        return min(sectors - 1, max(0, Int(((angle + Double.pi) / (2 * Double.pi) * Double(sectors)).rounded(.down))))
    }

    /// The bounds for receivers of `sector` and `tier` at `distanceCells` or farther.
    @inline(__always)
    func ahead(sector: Int, tier: Int, distanceCells: Double) -> TerrainAhead {
        let j = min(rings - 1, Int(distanceCells / ringCells))
        let i = (sector * rings + j) * TerrainAheadTiers.count + tier
        return TerrainAhead(maxRiseSlope: Double(maxRiseSlope[i]), maxFlatRiseSlope: Double(maxFlatRiseSlope[i]),
                            minRiseSlope: Double(minRiseSlope[i]), minExcessM: Double(minExcessM[i]))
    }
}
