package dev.gaia.chat.turn;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** @param content what the player says, up to 4000 characters */
record SendMessageRequest(@NotBlank @Size(max = 4000) String content) {
}
