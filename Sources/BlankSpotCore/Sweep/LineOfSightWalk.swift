extension RadialSweep {
    /// One ray of a line-of-sight sweep over major steps `firstStep…lastStep` of its band (see
    /// ``NestedRayFan``): the cursor, samples and arithmetic of the generic walk with
    /// ``LineOfSightRayModel``, without the per-cell plumbing that radio models need (exact
    /// near points, pruning bounds, a value for every cell). Only visible cells reach the sink:
    /// a hidden cell and a cell without terrain both merge as nothing, which is what the
    /// untouched −∞ already says.
    ///
    /// `model` holds the horizon of samples 1…firstStep−1 on entry (`fromTower`: none yet, the
    /// ray walks those steps itself first, owning nothing), and of every sample walked on exit.
    /// Returns false when the ray ends (disc, grid edge) before `lastStep`.
    @inline(__always)
    func walkLineOfSight<S: CellSink>(
        _ ray: RayFan.Ray, of fan: RayFan, site: GridSite, discCells: Double, firstStep: Int, lastStep: Int, fromTower: Bool,
        heights: UnsafeBufferPointer<Float>, inverseSteps: UnsafeBufferPointer<Double>,
        model: inout LineOfSightRayModel, sink: S
    ) -> Bool {
        let cellM = terrain.grid.cellSizeM
        var cursor = RayCursor(ray: ray, fan: fan, grid: terrain.grid, site: site, discCells: discCells,
                               startStep: fromTower ? 0 : firstStep - 1)
        let end = min(lastStep, cursor.lastStep)
        guard end >= firstStep else { return false }
        if fromTower {
            model.beginRay(stepM: cursor.stepM)
            for _ in 1..<firstStep {
                _ = cursor.advance()
                cursor.feedSample(to: &model, heights: heights, inverseSteps: inverseSteps)
            }
        }
        let rCells2 = discCells * discCells
        for i in firstStep...end {
            // The cell this ray owns at step i, if any, against samples 1…i−1.
            if cursor.advance() {
                let mm = cursor.candidateMinor
                let d2 = Double(i &* i &+ mm &* mm)
                let distanceM = d2.squareRoot() * cellM
                let cell = cursor.candidate
                // nan ground (no terrain): not visible.
                if d2 <= rCells2 && model.isVisible(groundM: Double(heights[cell]), distanceM: distanceM) {
                    putVisible(cell: cell, distanceM: distanceM, into: sink)
                }
            }
            cursor.feedSample(to: &model, heights: heights, inverseSteps: inverseSteps)
        }
        return end == lastStep
    }

    /// Hands grid cell `cell` to the sink as visible. Kept out of the walk's loop (only the
    /// visible cells come here, so the division is rare): the merge's registers would otherwise
    /// crowd the loop's own.
    @inline(never)
    func putVisible<S: CellSink>(cell: Int, distanceM: Double, into sink: S) {
        let (row, col) = cell.quotientAndRemainder(dividingBy: terrain.grid.width)
        sink.put(cell: cell, col: col, row: row, value: LineOfSightRayModel.visibleValue(distanceM: distanceM))
    }
}
