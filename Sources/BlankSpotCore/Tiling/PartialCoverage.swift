/// The part of a coverage result that one task of a tiled run computed: its towers' grids over
/// the cells they reached, placed on the whole run's grid by `window`.
public struct PartialCoverage: Sendable {
    /// Where the cells lie on the whole grid.
    public var window: CellWindow
    /// Best value per cell (nil for line of sight), as ``CoverageGrids/bestValue``.
    public var bestValue: [Float]?
    /// 1 + best tower's index, 0 = none, as ``CoverageGrids/bestTower``.
    public var bestTower: [Int32]
    /// Serving towers, as ``CoverageGrids/serverCount``.
    public var serverCount: [UInt16]

    public init(window: CellWindow, bestValue: [Float]?, bestTower: [Int32], serverCount: [UInt16]) {
        precondition(bestTower.count == window.cellCount && serverCount.count == window.cellCount
                     && (bestValue?.count ?? window.cellCount) == window.cellCount, "one value per cell of the window")
        self.window = window
        self.bestValue = bestValue
        self.bestTower = bestTower
        self.serverCount = serverCount
    }
}

extension CoverageGrids {
    /// The smallest window of these grids holding every cell a tower reached, as a partial
    /// result placed at `offset` on the whole grid (these grids' corner there); nil when no
    /// tower reached any cell.
    public func cropped(placedAtCol col0: Int, row row0: Int) -> PartialCoverage? {
        let w = grid.width, h = grid.height
        var c0 = w, c1 = -1, r0 = h, r1 = -1
        for r in 0..<h {
            for c in 0..<w where bestTower[r * w + c] != 0 || serverCount[r * w + c] != 0 {
                c0 = min(c0, c); c1 = max(c1, c); r0 = min(r0, r); r1 = max(r1, r)
            }
        }
        guard c1 >= 0 else { return nil }
        let local = CellWindow(col0: c0, row0: r0, width: c1 - c0 + 1, height: r1 - r0 + 1)
        return PartialCoverage(
            window: CellWindow(col0: col0 + c0, row0: row0 + r0, width: local.width, height: local.height),
            bestValue: bestValue.map { local.extract(Array($0), gridWidth: w) },
            bestTower: local.extract(Array(bestTower), gridWidth: w),
            serverCount: local.extract(Array(serverCount), gridWidth: w))
    }
}

/// Joins partial results into the whole grid's, with the sweep's own merge rule
/// (``CoverageAccumulator``): the largest value wins, ties to the lower tower index (for line
/// of sight, the nearest tower by exact cell distance, ties to the lower index); server counts
/// add up (saturating). The rule is commutative and associative, so the result does not
/// depend on the order the partials arrive in, and partials that each hold whole towers give
/// exactly the grids one sweep of all towers gives.
public final class CoverageMosaic {
    public let grid: GridGeometry
    let bestValue: GridBuffer<Float>?
    let bestTower: GridBuffer<Int32>
    let serverCount: GridBuffer<UInt16>
    /// Each tower's cell on the whole grid, by index (the line-of-sight rule needs them).
    let towerCells: [(col: Int, row: Int)]

    /// - Parameters:
    ///   - lineOfSight: whether the best tower is the nearest one (no values).
    ///   - towerCells: each tower's cell on `grid`, by index.
    public init(grid: GridGeometry, lineOfSight: Bool, towerCells: [(col: Int, row: Int)], threads: Int = 1) {
        self.grid = grid
        let n = grid.cellCount
        bestValue = lineOfSight ? nil : GridBuffer<Float>(count: n, repeating: -.infinity, threads: threads)
        bestTower = GridBuffer<Int32>(count: n, repeating: 0, threads: threads)
        serverCount = GridBuffer<UInt16>(count: n, repeating: 0, threads: threads)
        self.towerCells = towerCells
    }

    /// Merges one partial result.
    public func add(_ p: PartialCoverage) {
        precondition(p.window.col0 >= 0 && p.window.row0 >= 0 && p.window.colEnd <= grid.width && p.window.rowEnd <= grid.height,
                     "a partial result lies inside the grid")
        let w = grid.width
        for r in 0..<p.window.height {
            for c in 0..<p.window.width {
                let i = r * p.window.width + c
                let col = p.window.col0 + c, row = p.window.row0 + r
                let g = row * w + col
                serverCount[g] = UInt16(min(Int(serverCount[g]) + Int(p.serverCount[i]), Int(UInt16.max)))
                let t = p.bestTower[i]
                guard t != 0 else { continue }
                let b = bestTower[g]
                if let bestValue, let values = p.bestValue {
                    let v = values[i], current = bestValue[g]
                    if b == 0 || v > current || (v == current && t < b) {
                        bestValue[g] = v
                        bestTower[g] = t
                    }
                } else if b == 0 || isNearer(t - 1, than: b - 1, col: col, row: row) {
                    bestTower[g] = t
                }
            }
        }
    }

    /// ``CoverageAccumulator``'s nearest-tower rule.
    private func isNearer(_ t: Int32, than b: Int32, col: Int, row: Int) -> Bool {
        func distance2(_ k: Int32) -> Int {
            let cell = towerCells[Int(k)]
            return (col - cell.col) * (col - cell.col) + (row - cell.row) * (row - cell.row)
        }
        let dt = distance2(t), db = distance2(b)
        return dt < db || (dt == db && t < b)
    }

    /// The merged grids, with each tower's served extent and reach (by index).
    public func grids(servedExtentM: [Double], reach: [TowerReach]) -> CoverageGrids {
        CoverageGrids(grid: grid, bestValue: bestValue, bestTower: bestTower, serverCount: serverCount,
                      servedExtentM: servedExtentM, reach: reach)
    }
}
