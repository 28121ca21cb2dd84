/// One tower's values over the window of the grid its sweep can reach: the square of
/// half-side Rc cells around the tower's cell, clipped to the grid.
///
/// Values: model value where evaluated, `-Float.infinity` where not reached or not served,
/// `Float.nan` where the terrain has no data. Storage is a worker's reusable scratch buffer.
public struct TowerFootprint: @unchecked Sendable {
    public let col0: Int
    public let row0: Int
    public let width: Int
    public let height: Int
    /// Row-major `width × height` values.
    public let values: UnsafeMutableBufferPointer<Float>

    @inlinable public func index(col: Int, row: Int) -> Int { (row - row0) * width + (col - col0) }
}

/// A per-worker scratch buffer for one footprint at a time, grown to the largest asked for
/// (a footprint handed out stays valid until the next call).
final class FootprintScratch: @unchecked Sendable {
    private var storage: UnsafeMutableBufferPointer<Float>

    init(capacity: Int) {
        storage = .allocate(capacity: max(1, capacity))
    }

    deinit { storage.deallocate() }

    /// A footprint for `site`'s window, with every value reset to −∞.
    func footprint(site: GridSite, radiusCells: Int, grid: GridGeometry) -> TowerFootprint {
        let c0 = max(0, site.col - radiusCells), c1 = min(grid.width - 1, site.col + radiusCells)
        let r0 = max(0, site.row - radiusCells), r1 = min(grid.height - 1, site.row + radiusCells)
        let w = c1 - c0 + 1, h = r1 - r0 + 1
        if w * h > storage.count {
            storage.deallocate()
            storage = .allocate(capacity: w * h)
        }
        let values = UnsafeMutableBufferPointer(rebasing: storage[0..<(w * h)])
        values.initialize(repeating: -.infinity)
        return TowerFootprint(col0: c0, row0: r0, width: w, height: h, values: values)
    }
}
