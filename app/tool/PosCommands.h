#pragma once

#include "Command.h"

// scanner listen, printer status, printer test-page (USB devices through drivers/usb).
CommandList posCommands();
