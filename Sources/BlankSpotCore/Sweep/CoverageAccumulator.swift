import Foundation

/// The combined result of all towers over the analysis grid.
public struct CoverageGrids: Sendable {
    public let grid: GridGeometry
    /// Best value per cell over all towers (the margin over the best tower's threshold, dB);
    /// meaningful only where `bestTower > 0`. nil for line of sight, whose best tower is the
    /// nearest visible one and needs no value.
    public let bestValue: GridBuffer<Float>?
    /// 1 + table row of the best tower, 0 where no tower reaches or serves: "none" is zero so
    /// that a fresh grid needs no fill pass (fresh memory is zero). See ``bestIndex(at:)``.
    public let bestTower: GridBuffer<Int32>
    /// Towers whose value is at least the serving threshold (saturates at 65,535).
    public let serverCount: GridBuffer<UInt16>
    /// Per site (in the order the sites were given): the distance from the tower to the
    /// centre of its farthest served (or, for line of sight, visible) cell, m; −1 when none.
    public var servedExtentM: [Double] = []
    /// Per site (in the order the sites were given): how far it was evaluated, and why.
    public var reach: [TowerReach] = []

    /// Table row of the best tower at cell `i`, −1 where none.
    @inlinable
    public func bestIndex(at i: Int) -> Int32 { bestTower[i] - 1 }
}

/// Merges tower values into the grid-wide best value, best tower and server count.
///
/// The merge is commutative and associative: best = largest value (or, for line of sight, the
/// nearest tower by exact integer cell distance), ties to the lower tower index; count = number
/// of serving towers. So the result is the same whatever order threads
/// finish their towers in. Whole footprints merge under row-band locks so that towers far
/// apart merge at the same time.
final class CoverageAccumulator: @unchecked Sendable {
    let grid: GridGeometry
    /// A value at or above this counts the tower as a server.
    let servingThreshold: Float
    /// nil: best = nearest tower (line of sight).
    private let bestValue: UnsafeMutableBufferPointer<Float>?
    /// Grid cell of each tower by table index (nearest-tower rule only).
    private let towerCells: [(col: Int32, row: Int32)]
    /// 1 + table row of the best tower, 0 = none (``CoverageGrids/bestTower``).
    private let bestTower: UnsafeMutableBufferPointer<Int32>
    private let serverCount: UnsafeMutableBufferPointer<UInt16>
    private let bandRows = 64
    private let bandLocks: [NSLock]

    /// Works on the caller's buffers (already set to −∞, 0 and 0), which must outlive it.
    /// Without `bestValue` the best tower is the nearest one, located by `sites`.
    init(grid: GridGeometry, servingThreshold: Float, bestValue: UnsafeMutableBufferPointer<Float>?,
         bestTower: UnsafeMutableBufferPointer<Int32>, serverCount: UnsafeMutableBufferPointer<UInt16>, sites: [GridSite]) {
        self.grid = grid
        self.servingThreshold = servingThreshold
        self.bestValue = bestValue
        var cells: [(col: Int32, row: Int32)] = []
        if bestValue == nil {
            cells = Array(repeating: (0, 0), count: (sites.map(\.index).max() ?? -1) + 1)
            for site in sites { cells[site.index] = (Int32(site.col), Int32(site.row)) }
        }
        towerCells = cells
        self.bestTower = bestTower
        self.serverCount = serverCount
        bandLocks = (0..<((grid.height + 63) / 64)).map { _ in NSLock() }
    }

    /// Merges one value of tower `towerIndex` into cell `g` = (`col`, `row`) (no locking).
    @inline(__always)
    func mergeCell(_ g: Int, col: Int, row: Int, value v: Float, towerIndex: Int32) {
        // Skips −∞ (not reached / not served) and nan (no terrain).
        guard v > -.infinity else { return }
        if v >= servingThreshold, serverCount[g] < .max { serverCount[g] += 1 }
        guard let bestValue else {
            takeIfNearest(g, col: col, row: row, towerIndex: towerIndex)
            return
        }
        let b = bestValue[g]
        if v > b || (v == b && (bestTower[g] == 0 || towerIndex &+ 1 < bestTower[g])) {
            bestValue[g] = v
            bestTower[g] = towerIndex &+ 1
        }
    }

    /// Merges a cell that tower `towerIndex` sees (line of sight: nearest-tower rule, every
    /// visible tower serves), without the value tests of ``mergeCell``.
    @inline(__always)
    func mergeVisible(_ g: Int, col: Int, row: Int, towerIndex: Int32) {
        if serverCount[g] < .max { serverCount[g] += 1 }
        takeIfNearest(g, col: col, row: row, towerIndex: towerIndex)
    }

    /// Makes tower `towerIndex` the best at cell `g` = (`col`, `row`) when no tower is there
    /// yet or it is nearer than the one that is (the line-of-sight rule).
    @inline(__always)
    private func takeIfNearest(_ g: Int, col: Int, row: Int, towerIndex: Int32) {
        let b = bestTower[g]
        if b == 0 || isNearer(towerIndex, than: b &- 1, col: col, row: row) { bestTower[g] = towerIndex &+ 1 }
    }

    /// Whether tower `t` is nearer to (col, row) than tower `b` (squared cell distances,
    /// exact), ties to the lower index.
    @inline(__always)
    private func isNearer(_ t: Int32, than b: Int32, col: Int, row: Int) -> Bool {
        func distance2(_ k: Int32) -> Int {
            let cell = towerCells[Int(k)]
            let dc = col - Int(cell.col), dr = row - Int(cell.row)
            return dc * dc + dr * dr
        }
        let dt = distance2(t), db = distance2(b)
        return dt < db || (dt == db && t < b)
    }

    /// The level below which a new value at cell `g` changes nothing: it would neither reach
    /// the serving threshold nor beat (or tie) the best so far. A small margin keeps rounding
    /// in a model's bound from ever pruning a value that matters.
    @inline(__always)
    func irrelevantBelow(_ g: Int) -> Float {
        guard let bestValue else { return -.infinity }
        return min(servingThreshold, bestValue[g]) - 0.01
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
                    mergeCell(dst + c, col: footprint.col0 + c, row: r, value: footprint.values[src + c], towerIndex: index)
                }
            }
            bandLocks[band].unlock()
            row = bandEnd
        }
    }
}
