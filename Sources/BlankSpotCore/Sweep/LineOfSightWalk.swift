extension RadialSweep {
    /// One ray of a line-of-sight sweep: the rays, owned cells, samples and arithmetic of the
    /// generic walk with ``LineOfSightRayModel`` (a test checks that the two agree on every
    /// cell), without the per-cell plumbing that radio models need (exact near points, pruning
    /// bounds, a value for every cell). Only visible cells reach the sink: a hidden cell and a
    /// cell without terrain both merge as nothing, which is what the untouched −∞ already says.
    @inline(__always)
    func walkLineOfSight<S: CellSink>(
        _ ray: RayFan.Ray, site: GridSite, discCells: Double, heights: UnsafeBufferPointer<Float>,
        inverseSteps: UnsafeBufferPointer<Double>, model: inout LineOfSightRayModel, sink: S
    ) {
        let cellM = terrain.grid.cellSizeM
        var cursor = RayCursor(ray: ray, fan: fan, grid: terrain.grid, site: site, discCells: discCells)
        let lastStep = cursor.lastStep
        guard lastStep >= 1 else { return }
        let rCells2 = discCells * discCells
        model.beginRay(stepM: cursor.stepM)
        for i in 1...lastStep {
            // The cell this ray owns at step i, if any, against samples 1…i−1.
            if cursor.advance() {
                let mm = cursor.candidateMinor
                let d2 = Double(i &* i &+ mm &* mm)
                let distanceM = d2.squareRoot() * cellM
                let cell = cursor.candidate
                // nan ground (no terrain): not visible.
                if d2 <= rCells2 && model.isVisible(groundM: Double(heights[cell]), distanceM: distanceM) {
                    let (col, row) = cursor.candidateCell()
                    sink.put(cell: cell, col: col, row: row, value: LineOfSightRayModel.visibleValue(distanceM: distanceM))
                }
            }
            cursor.feedSample(to: &model, heights: heights, inverseSteps: inverseSteps)
        }
    }
}
