// yaml-floor read FILE...     reads every file's bytes
// yaml-floor compose FILE...  reads and composes every document with Yams
import Foundation
import Yams

let arguments = CommandLine.arguments.dropFirst()
guard let mode = arguments.first, ["read", "compose"].contains(mode) else {
  FileHandle.standardError.write(Data("usage: yaml-floor read|compose FILE...\n".utf8))
  exit(2)
}
var bytes = 0
var documents = 0
for path in arguments.dropFirst() {
  guard let data = FileManager.default.contents(atPath: path) else {
    FileHandle.standardError.write(Data("cannot read \(path)\n".utf8))
    exit(2)
  }
  bytes += data.count
  if mode == "compose" {
    do {
      let parser = try Parser(yaml: String(decoding: data, as: UTF8.self), resolver: .basic)
      while try parser.nextRoot() != nil { documents += 1 }
    } catch {
      FileHandle.standardError.write(Data("\(path): \(error)\n".utf8))
      exit(1)
    }
  }
}
print("\(bytes) bytes, \(documents) documents")
