/// The cost floor of the P.1812 sweep, for the benchmark suite: every ray walked and every
/// terrain sample committed to P.1812's running state exactly as in a P.1812 run (the hulls,
/// the steepest slopes, the smooth-earth sums: ``P1812RayModel/appendSample(heightM:)``), every
/// owned cell visited and its best value read, but no loss computed: the near points are not
/// read, and a cell gets a stand-in value from its height and distance where no tower has a
/// value yet, −∞ (nothing to merge) elsewhere, so that it merges no more than a P.1812 run
/// would. Whatever a faster per-cell model might achieve, a P.1812 run built on this sweep
/// (DESIGN.md §4) cannot take less time than this. Not a coverage result.
public enum P1812WalkFloor {
    /// The sweep of ``CoverageEngine/run(terrain:sites:settings:model:threads:progress:)`` for
    /// `.signal(.p1812(p1812), thresholds)`, without the per-cell model.
    public static func run(terrain: TerrainRaster, sites: [GridSite], settings: SweepSettings, p1812: P1812AreaSettings,
                           thresholds: ServiceThresholds, threads: Int) -> CoverageGrids {
        CoverageEngine.runP1812(GridMergeRunner(threads: threads, progress: nil), terrain: terrain, sites: sites, settings: settings,
                                p1812: p1812, thresholds: thresholds) { model, _ in Model(inner: model) }
    }

    /// P.1812's ray state with a stand-in for its per-cell value.
    struct Model: RayProfileModel {
        var inner: P1812RayModel

        static var exactNearSamples: Int { P1812RayModel.exactNearSamples }
        var reachM: Double { inner.reachM }

        mutating func beginRay(stepM: Double) { inner.beginRay(stepM: stepM) }

        /// Inlined as it is into the P.1812 sweep, so that the floor pays no call per sample.
        @inline(__always)
        mutating func addSample(heightM: Double, distanceM: Double, inverseDistance: Double) {
            inner.appendSample(heightM: heightM)
        }

        func ownCellValue(groundM: Double) -> Float { inner.ownCellValue(groundM: groundM) }

        /// A P.1812 run must merge a value where no tower has one yet (`irrelevantBelow` = −∞);
        /// elsewhere it may have proved its value irrelevant and merge nothing, so the floor
        /// merges nothing there. The stand-in falls with distance and varies with the ground.
        func receiverValue(groundM: Double, distanceM: Double, dCol: Int, dRow: Int, near: NearProfile, irrelevantBelow: Float) -> Float {
            irrelevantBelow == -.infinity ? Float(0.01 * groundM - 0.001 * distanceM) : -.infinity
        }
    }
}
