/// Where the sweep puts each evaluated cell's value.
protocol CellSink {
    /// `value`: the model value, −∞ (not served) or nan (no terrain) for cell `(col, row)`,
    /// whose row-major index in the grid is `cell` (= row·width + col, passed so that sinks
    /// on the whole grid need not recompute it).
    func put(cell: Int, col: Int, row: Int, value: Float)
    /// Values below this at cell `(col, row)` (grid index `cell`) would change nothing in the
    /// combined result: they are below the serving threshold and below the best value merged
    /// there so far.
    func irrelevantBelow(cell: Int, col: Int, row: Int) -> Float
    /// Puts a cell that line of sight reaches (value ``LineOfSightModel/visibleValue``).
    func putVisible(cell: Int, col: Int, row: Int)
}

extension CellSink {
    @inline(__always)
    func putVisible(cell: Int, col: Int, row: Int) {
        put(cell: cell, col: col, row: row, value: LineOfSightModel.visibleValue)
    }
}

/// Collects one tower's values in its footprint, to be merged later (many towers in flight).
struct FootprintSink: CellSink {
    let footprint: TowerFootprint
    let accumulator: CoverageAccumulator

    /// Reads the grid-wide best while other threads may be merging into it: a stale value is
    /// only lower (bests only grow), which prunes less, never wrongly.
    @inline(__always)
    func irrelevantBelow(cell: Int, col: Int, row: Int) -> Float {
        accumulator.irrelevantBelow(cell)
    }

    @inline(__always)
    func put(cell: Int, col: Int, row: Int, value: Float) {
        footprint.values[footprint.index(col: col, row: row)] = value
    }
}

/// Merges straight into the grid-wide result. Valid only while a single tower is being swept
/// (its rays own disjoint cells, so no two threads touch the same cell).
struct DirectMergeSink: CellSink {
    let accumulator: CoverageAccumulator
    let towerIndex: Int32

    @inline(__always)
    func put(cell: Int, col: Int, row: Int, value: Float) {
        accumulator.mergeCell(cell, col: col, row: row, value: value, towerIndex: towerIndex)
    }

    @inline(__always)
    func putVisible(cell: Int, col: Int, row: Int) {
        accumulator.mergeVisible(cell, col: col, row: row, towerIndex: towerIndex)
    }

    @inline(__always)
    func irrelevantBelow(cell: Int, col: Int, row: Int) -> Float {
        accumulator.irrelevantBelow(cell)
    }
}
