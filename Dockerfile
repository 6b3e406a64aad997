# The application image for docker-compose.yml: built from the sources with the Maven wrapper.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /build
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw -B -q dependency:go-offline
COPY src src
COPY processes processes
COPY forms forms
RUN ./mvnw -B -q package -DskipTests

FROM eclipse-temurin:17-jre
WORKDIR /app
RUN useradd --system --home /app duban && mkdir -p /app/config/holidays && chown -R duban /app
COPY --from=build /build/target/duban-*.jar /app/duban.jar
USER duban
EXPOSE 8080
ENV TZ=Asia/Shanghai
# No profile: the container names one (SPRING_PROFILES_ACTIVE=postgres, as docker-compose.yml does, or
# demo); without one the application refuses to start and says what to set.
ENTRYPOINT ["java", "-jar", "/app/duban.jar"]
