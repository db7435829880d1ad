// One browser and one app at a time: the machine has two cores, and journeys are clearer without neighbours.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
