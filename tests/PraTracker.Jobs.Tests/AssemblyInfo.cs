// Hangfire keeps its log provider and job configuration in static state that each host overwrites when it starts
// and leaves pointing at its disposed logger factory when it stops. Test classes here each build and dispose hosts,
// so they run one after another rather than race on that state.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
