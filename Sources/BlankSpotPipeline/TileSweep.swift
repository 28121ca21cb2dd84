import BlankSpotCore

/// The sweep of a set of towers over a terrain with a coverage request's model and reach: a
/// single run's one tile (every tower, the whole grid) and a tiled run's tasks (the towers of
/// one tile, its window) go through here alike.
enum TileSweep {
    static func sweep(terrain: TerrainRaster, sites: [GridSite], request: CoverageRequest,
                      progress: (@Sendable (Double) -> Void)? = nil) -> CoverageGrids {
        CoverageEngine.run(terrain: terrain, sites: sites, settings: request.settings,
                           model: request.model.engineModel(request.signal), threads: request.threads, progress: progress)
    }
}
