#pragma once

#include "Command.h"

// catalog validate, catalog stats, catalog search, checklist.
CommandList catalogCommands();
