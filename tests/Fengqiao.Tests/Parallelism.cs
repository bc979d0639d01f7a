// Each fixture owns its host and data directory, so fixtures run side by side on the two cores CI has; the tests
// within a fixture share that host and stay sequential.
[assembly: NUnit.Framework.Parallelizable(NUnit.Framework.ParallelScope.Fixtures)]
[assembly: NUnit.Framework.LevelOfParallelism(2)]
