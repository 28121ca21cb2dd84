/// The cost floor of the P.1812 sweep, for the benchmark suite: every ray walked and every
/// terrain sample committed to P.1812's running state exactly as in a P.1812 run (the three
/// hulls, the steepest slopes, the smooth-earth sums, ``P1812RayModel/addSample(heightM:distanceM:inverseDistance:)``),
/// every owned cell visited, its best-value read and its result merged, but no loss computed:
/// the near points are not read and each cell gets a stand-in value from its height and
/// distance. Whatever a faster per-cell model might achieve, a P.1812 run built on this sweep
/// (DESIGN.md §4) cannot take less time than this. Not a coverage result.
public enum P1812WalkFloor {
    /// The sweep of ``CoverageEngine/run(terrain:sites:settings:model:threads:progress:)`` for
    /// `.signal(.p1812(p1812), thresholds)`, without the per-cell model.
    public static func run(terrain: TerrainRaster, sites: [GridSite], settings: SweepSettings, p1812: P1812AreaSettings,
                           thresholds: ServiceThresholds, threads: Int) -> CoverageGrids {
        CoverageEngine.runP1812(terrain: terrain, sites: sites, settings: settings, p1812: p1812, thresholds: thresholds,
                                threads: threads) { Model(inner: $0) }
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

        /// Falls with distance and varies with the ground, so that the merge takes the same
        /// branches as often as with real values; costs a few instructions.
        func receiverValue(groundM: Double, distanceM: Double, dCol: Int, dRow: Int, near: NearProfile, irrelevantBelow: Float) -> Float {
            Float(0.01 * groundM - 0.001 * distanceM)
        }
    }
}
