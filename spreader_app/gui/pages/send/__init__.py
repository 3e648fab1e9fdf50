"""The parts of the Send page: the message, recipients and timing sections, and the plan."""
