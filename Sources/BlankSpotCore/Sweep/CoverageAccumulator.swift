import Foundation

/// The combined result of all towers over the analysis grid.
public struct CoverageGrids: Sendable {
    public let grid: GridGeometry
    /// Best value per cell over all towers (signal in dBm, or −distance for line of sight);
    /// meaningful only where `bestIndex ≥ 0`.
    public let bestValue: GridBuffer<Float>
    /// Table row of the best tower, −1 where no tower reaches or serves.
    public let bestIndex: GridBuffer<Int32>
    /// Towers whose value is at least the serving threshold (saturates at 65,535).
    public let serverCount: GridBuffer<UInt16>
}

/// Merges tower values into the grid-wide best value, best tower and server count.
///
/// The merge is commutative and associative: best = largest value, ties to the lower tower
/// index; count = number of serving towers. So the result is the same whatever order threads
/// finish their towers in. Whole footprints merge under row-band locks so that towers far
/// apart merge at the same time.
final class CoverageAccumulator: @unchecked Sendable {
    let grid: GridGeometry
    /// A value at or above this counts the tower as a server.
    let servingThreshold: Float
    private let bestValue: UnsafeMutableBufferPointer<Float>
    private let bestIndex: UnsafeMutableBufferPointer<Int32>
    private let serverCount: UnsafeMutableBufferPointer<UInt16>
    private let bandRows = 64
    private let bandLocks: [NSLock]

    /// Works on the caller's buffers (already set to −∞, −1 and 0), which must outlive it.
    init(grid: GridGeometry, servingThreshold: Float, bestValue: UnsafeMutableBufferPointer<Float>,
         bestIndex: UnsafeMutableBufferPointer<Int32>, serverCount: UnsafeMutableBufferPointer<UInt16>) {
        self.grid = grid
        self.servingThreshold = servingThreshold
        self.bestValue = bestValue
        self.bestIndex = bestIndex
        self.serverCount = serverCount
        bandLocks = (0..<((grid.height + 63) / 64)).map { _ in NSLock() }
    }

    /// Merges one value of tower `towerIndex` into cell `g` (no locking).
    @inline(__always)
    func mergeCell(_ g: Int, value v: Float, towerIndex: Int32) {
        // Skips −∞ (not reached / not served) and nan (no terrain).
        guard v > -.infinity else { return }
        if v >= servingThreshold, serverCount[g] < .max { serverCount[g] += 1 }
        let b = bestValue[g]
        if v > b || (v == b && (bestIndex[g] < 0 || towerIndex < bestIndex[g])) {
            bestValue[g] = v
            bestIndex[g] = towerIndex
        }
    }

    /// The level below which a new value at cell `g` changes nothing: it would neither reach
    /// the serving threshold nor beat (or tie) the best so far. A small margin keeps rounding
    /// in a model's bound from ever pruning a value that matters.
    @inline(__always)
    func irrelevantBelow(_ g: Int) -> Float {
        min(servingThreshold, bestValue[g]) - 0.01
    }

    /// Merges a whole footprint, locking the row bands it covers one at a time.
    func merge(_ footprint: TowerFootprint, towerIndex: Int) {
        let index = Int32(towerIndex)
        var row = footprint.row0
        let rowEnd = footprint.row0 + footprint.height
        while row < rowEnd {
            let band = row / bandRows
            let bandEnd = min(rowEnd, (band + 1) * bandRows)
            bandLocks[band].lock()
            for r in row..<bandEnd {
                let src = (r - footprint.row0) * footprint.width
                let dst = r * grid.width + footprint.col0
                for c in 0..<footprint.width {
                    mergeCell(dst + c, value: footprint.values[src + c], towerIndex: index)
                }
            }
            bandLocks[band].unlock()
            row = bandEnd
        }
    }
}
