import Foundation

/// The combined result of all towers over the analysis grid.
public struct CoverageGrids: Sendable {
    public let grid: GridGeometry
    /// Best value per cell over all towers (signal in dBm, or −distance for line of sight);
    /// meaningful only where `bestIndex ≥ 0`.
    public var bestValue: [Float]
    /// Table row of the best tower, −1 where no tower reaches or serves.
    public var bestIndex: [Int32]
    /// Towers whose value is at least the serving threshold (saturates at 65,535).
    public var serverCount: [UInt16]
}

/// Merges tower footprints into the grid-wide best value, best tower and server count.
///
/// The merge is commutative and associative: best = largest value, ties to the lower tower
/// index; count = number of serving towers. So the result is the same whatever order threads
/// finish their towers in. Rows are guarded by band locks so that towers far apart merge at
/// the same time.
final class CoverageAccumulator: @unchecked Sendable {
    let grid: GridGeometry
    /// A footprint value at or above this counts the tower as a server.
    let servingThreshold: Float
    private let bestValue: UnsafeMutableBufferPointer<Float>
    private let bestIndex: UnsafeMutableBufferPointer<Int32>
    private let serverCount: UnsafeMutableBufferPointer<UInt16>
    private let bandRows = 64
    private let bandLocks: [NSLock]

    init(grid: GridGeometry, servingThreshold: Float) {
        self.grid = grid
        self.servingThreshold = servingThreshold
        let n = grid.cellCount
        bestValue = .allocate(capacity: n)
        bestValue.initialize(repeating: -.infinity)
        bestIndex = .allocate(capacity: n)
        bestIndex.initialize(repeating: -1)
        serverCount = .allocate(capacity: n)
        serverCount.initialize(repeating: 0)
        bandLocks = (0..<((grid.height + 63) / 64)).map { _ in NSLock() }
    }

    deinit {
        bestValue.deallocate()
        bestIndex.deallocate()
        serverCount.deallocate()
    }

    func merge(_ footprint: TowerFootprint, towerIndex: Int) {
        let index = Int32(towerIndex)
        let width = grid.width
        var row = footprint.row0
        let rowEnd = footprint.row0 + footprint.height
        while row < rowEnd {
            let band = row / bandRows
            let bandEnd = min(rowEnd, (band + 1) * bandRows)
            bandLocks[band].lock()
            for r in row..<bandEnd {
                let src = (r - footprint.row0) * footprint.width
                let dst = r * width + footprint.col0
                for c in 0..<footprint.width {
                    let v = footprint.values[src + c]
                    // Skips −∞ (not reached / hidden) and nan (no terrain).
                    guard v > -.infinity else { continue }
                    let g = dst + c
                    if v >= servingThreshold, serverCount[g] < .max { serverCount[g] += 1 }
                    let b = bestValue[g]
                    if v > b || (v == b && (bestIndex[g] < 0 || index < bestIndex[g])) {
                        bestValue[g] = v
                        bestIndex[g] = index
                    }
                }
            }
            bandLocks[band].unlock()
            row = bandEnd
        }
    }

    func result() -> CoverageGrids {
        CoverageGrids(grid: grid, bestValue: Array(bestValue), bestIndex: Array(bestIndex),
                      serverCount: Array(serverCount))
    }
}
