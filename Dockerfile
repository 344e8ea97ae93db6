# One image recipe for every service:
#   docker build --build-arg SERVICE=chat-service -t gaia/chat-service .
# docker-compose.yml builds all seven this way.

FROM eclipse-temurin:21-jdk AS build
ARG SERVICE
RUN test -n "$SERVICE" || { echo "pass --build-arg SERVICE=<module>, e.g. chat-service" >&2; exit 1; }
WORKDIR /src
# The Maven reactor needs every module's pom; the sources of the others are only copied along
# (.dockerignore leaves out build output, local state and history).
COPY . .
RUN ./mvnw -B -q -DskipTests -pl "$SERVICE" -am package \
    && cp "$SERVICE/target/$SERVICE-"*.jar /src/app.jar

FROM eclipse-temurin:21-jre
ARG SERVICE
# curl for the healthchecks in docker-compose.yml.
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --home-dir /app --shell /usr/sbin/nologin gaia
WORKDIR /app
COPY --from=build /src/app.jar /app/app.jar
USER gaia
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/app.jar"]
