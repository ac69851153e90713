#pragma once

#include "Command.h"

// dev seed: a large catalogue and store for start-up and scale benchmarks (developer tool).
CommandList devCommands();
