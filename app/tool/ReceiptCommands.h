#pragma once

#include "Command.h"

// receipt sample, receipt verify.
CommandList receiptCommands();
