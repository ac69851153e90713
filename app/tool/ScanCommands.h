#pragma once

#include "Command.h"

// scan devices | batch | import | barcodes
CommandList scanCommands();
