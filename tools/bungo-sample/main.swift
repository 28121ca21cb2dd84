import BlankSpotCore
import BlankSpotGDAL
import BlankSpotPipeline
import Foundation

// bungo-sample: builds the estimated and GENERATED files of data/bungo (see its README).
//
//   bungo-sample villages <bungo_desa_kelurahan.geojson> <bungo_landcover_2010r.tif> <out.geojson>
//   bungo-sample towers   <bungo_kecamatan.geojson> <bungo_landcover_2010r.tif> <out.csv>
//
// Deterministic. The populations are estimates and the towers GENERATED, not real.

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("bungo-sample: \(message)\n".utf8))
    exit(1)
}

let args = Array(CommandLine.arguments.dropFirst())
do {
    switch args.first {
    case "villages" where args.count == 4:
        let estimate = try BungoSample.estimatePopulation(villagesPath: args[1], landCoverPath: args[2])
        try VectorTools.copyAddingField(source: args[1], destination: args[3], idField: "kode", field: "penduduk_estimasi", values: estimate)
    case "towers" where args.count == 4:
        try BungoSample.towersCSV(kecamatanPath: args[1], landCoverPath: args[2]).write(toFile: args[3], atomically: true, encoding: .utf8)
    default:
        fail("usage: bungo-sample villages <desa.geojson> <landcover.tif> <out.geojson> | towers <kecamatan.geojson> <landcover.tif> <out.csv>")
    }
} catch {
    fail("\(error)")
}
