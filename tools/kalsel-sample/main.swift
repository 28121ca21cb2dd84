import BlankSpotCore
import BlankSpotGDAL
import BlankSpotPipeline
import Foundation

// kalsel-sample: builds the sample scenario files of data/kalsel from ../shared.
//
//   kalsel-sample terrain  <province.geojson> <out.tif> [arc-seconds, default 3]
//   kalsel-sample terrain  <province.geojson> <out.tif> <villages.geojson> <towers.csv> <landcover.tif> [arc-seconds]
//   kalsel-sample villages <desa.geojson> <penduduk.csv> <out.geojson>
//   kalsel-sample towers   <opencellid_kalsel.csv> <kecamatan.geojson> <out.csv>
//
// Every output is deterministic. The terrain, its land cover and the generated towers are
// GENERATED, not real.

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("kalsel-sample: \(message)\n".utf8))
    exit(1)
}

let args = Array(CommandLine.arguments.dropFirst())
do {
    switch args.first {
    case "terrain" where args.count == 6 || args.count == 7:
        try KalselSample.generate(provincePath: args[1], terrainTo: args[2],
                                  landCover: .init(villagesPath: args[3], towersPath: args[4], to: args[5]),
                                  threads: ProcessInfo.processInfo.activeProcessorCount,
                                  arcSeconds: args.count == 7 ? Double(args[6]) ?? 3 : 3)
    case "terrain" where args.count == 3 || args.count == 4:
        let arcSeconds = args.count == 4 ? Double(args[3]) ?? 3 : 3
        try KalselSample.generateTerrain(provincePath: args[1], to: args[2], threads: ProcessInfo.processInfo.activeProcessorCount,
                                         arcSeconds: arcSeconds)
    case "villages" where args.count == 4:
        let estimate = try KalselSample.estimatePopulation(villagesPath: args[1], populationCSV: args[2])
        try VectorTools.copyAddingField(source: args[1], destination: args[3], idField: "kode", field: "penduduk_estimasi", values: estimate)
    case "towers" where args.count == 4:
        try KalselSample.towersCSV(openCelliDPath: args[1], kecamatanPath: args[2]).write(toFile: args[3], atomically: true, encoding: .utf8)
    default:
        fail("usage: kalsel-sample terrain <province.geojson> <out.tif> [<villages.geojson> <towers.csv> <landcover.tif>] | villages <desa.geojson> <penduduk.csv> <out.geojson> | towers <opencellid.csv> <kecamatan.geojson> <out.csv>")
    }
} catch {
    fail("\(error)")
}
