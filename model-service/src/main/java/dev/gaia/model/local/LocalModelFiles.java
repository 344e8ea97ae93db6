package dev.gaia.model.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.gaia.shared.problem.ProblemException;

/**
 * The GGUF files of the models folder. A model is named by its file's name, with or without
 * {@code .gguf}; nothing outside the folder can be named.
 */
final class LocalModelFiles {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,199}");
    private static final String EXTENSION = ".gguf";

    private final Path folder;

    LocalModelFiles(LocalModelProperties properties) {
        this.folder = properties.modelsDir().toAbsolutePath().normalize();
    }

    /** A model file: its name as requests give it ({@code file.gguf}), where it is and its size. */
    record ModelFile(String name, Path path, long sizeBytes) {
    }

    /** The folder's GGUF files by name; none when the folder does not exist. */
    List<ModelFile> list() {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(EXTENSION))
                    .filter(Files::isRegularFile)
                    .map(LocalModelFiles::describe)
                    .sorted(Comparator.comparing(ModelFile::name))
                    .toList();
        }
        catch (IOException ex) {
            throw ProblemException.unavailable("local_models_unreadable",
                    "The models folder " + folder + " cannot be read: " + ex.getMessage());
        }
    }

    /**
     * The file a request's {@code local/<name>} names.
     *
     * @throws ProblemException 400 {@code local_model_name_invalid} for a name that is not a plain
     *         file name, 404 {@code local_model_not_found} when there is no such file
     */
    ModelFile resolve(String name) {
        if (!NAME.matcher(name).matches()) {
            throw ProblemException.badRequest("local_model_name_invalid", "'" + name + "' is not the name of a"
                    + " GGUF file in the models folder: use letters, digits, '.', '_' and '-', such as"
                    + " local/tinyllama-1.1b-chat.Q4_K_M.gguf.");
        }
        String fileName = name.toLowerCase(Locale.ROOT).endsWith(EXTENSION) ? name : name + EXTENSION;
        Path path = folder.resolve(fileName).normalize();
        if (!path.getParent().equals(folder) || !Files.isRegularFile(path)) {
            List<String> available = list().stream().map(ModelFile::name).toList();
            throw ProblemException.notFound("local_model_not_found", "There is no model file '" + fileName
                    + "' in " + folder + " (GAIA_MODELS_DIR). Available: " + (available.isEmpty() ? "none;"
                    + " download one with './gaia models pull <repo>/<file>.gguf'" : String.join(", ", available))
                    + ".");
        }
        return describe(path);
    }

    private static ModelFile describe(Path path) {
        try {
            return new ModelFile(path.getFileName().toString(), path, Files.size(path));
        }
        catch (IOException ex) {
            throw ProblemException.unavailable("local_models_unreadable",
                    "The model file " + path + " cannot be read: " + ex.getMessage());
        }
    }
}
